import * as path from 'node:path';

/** What `archsight render` can write. */
export const EXPORT_FORMATS = ['svg', 'png', 'mermaid', 'drawio', 'json'] as const;
export type ExportFormat = typeof EXPORT_FORMATS[number];

const BY_EXTENSION: Readonly<Record<string, ExportFormat>> = {
    '.svg': 'svg', '.png': 'png', '.mmd': 'mermaid', '.mermaid': 'mermaid', '.drawio': 'drawio', '.json': 'json',
};

/**
 * The format to write: `--format` if given, else the output file's extension, else SVG.
 * Returns an error message (for a usage error) when neither makes sense.
 */
export function exportFormatOf(format: string | undefined, output: string | undefined): ExportFormat | string {
    if (format !== undefined) {
        return (EXPORT_FORMATS as readonly string[]).includes(format) ? format as ExportFormat
            : `Unknown format '${format}'; use one of ${EXPORT_FORMATS.join(', ')}.`;
    }
    if (output === undefined) return 'svg';
    const extension = path.extname(output).toLowerCase();
    return BY_EXTENSION[extension] ?? 'svg';
}
