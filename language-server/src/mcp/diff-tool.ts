import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createArchServices } from '../arch-module.js';
import { loadSide, sideSpec } from '../cli/diff-sides.js';
import type { DiffPlace } from '../diff/diff-types.js';
import { formatDiffMarkdown } from '../diff/format-diff-markdown.js';
import { formatDiffText } from '../diff/format-diff-text.js';
import { diffModels } from '../diff/model-diff.js';
import type { SourceLocation } from '../model/model-types.js';

export type DiffToolFormat = 'text' | 'markdown' | 'json';

/**
 * The MCP `diff` tool: what `archsight diff <old> <new>` prints. Each side is a .arch file,
 * a folder or a git revision (read with git, no checkout); with `old` a revision and no
 * `new`, the working tree is the new side. Throws a UsageError for a side that names nothing.
 */
export async function diffArchitectures(old: string, now: string | undefined, format: DiffToolFormat, cwd: string): Promise<string> {
    const before = await sideSpec(old, [], cwd);
    const after = now !== undefined ? await sideSpec(now, [], cwd) : { type: 'paths' as const, name: 'working tree', inputs: ['.'] };
    const services = createArchServices(NodeFileSystem).Arch;
    const oldSide = await loadSide(services, before, {}, cwd);
    const newSide = await loadSide(services, after, {}, cwd);
    const placeOf = (location: SourceLocation): DiffPlace => {
        const file = URI.parse(location.uri).fsPath;
        return { file: path.relative(cwd, file) || file, line: location.range.start.line + 1, uri: location.uri };
    };
    const diff = diffModels(oldSide.side, newSide.side, placeOf);
    return format === 'json' ? JSON.stringify(diff, null, 2) : format === 'markdown' ? formatDiffMarkdown(diff) : formatDiffText(diff);
}
