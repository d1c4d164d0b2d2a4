import * as path from 'node:path';
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createArchServices } from '../arch-module.js';
import { loadSide } from '../cli/diff-sides.js';
import { SnippetRequest, type SnippetParams, type SnippetResponse } from '../protocol.js';

/** The longest block drawn (characters): a Markdown preview is not the place for a whole system. */
export const MAX_SNIPPET_LENGTH = 100_000;

/**
 * Answers `archsight/snippet`: an ```arch block of a Markdown file, read in services of its
 * own (never the editor's workspace) as if it were a file beside the Markdown file, drawn
 * as exported SVG in both themes. Never rejects: a failure is an `error` in the answer.
 */
export function registerSnippetHandler(shared: LangiumSharedServices): void {
    shared.lsp.Connection?.onRequest(SnippetRequest.type, params => drawSnippet(params));
}

export async function drawSnippet(params: SnippetParams): Promise<SnippetResponse> {
    try {
        if (typeof params.text !== 'string') return { error: 'No text to draw.' };
        if (params.text.length > MAX_SNIPPET_LENGTH) return { error: `The block is longer than ${MAX_SNIPPET_LENGTH.toLocaleString('en')} characters; put it in an .arch file.` };
        const base = params.baseUri ? URI.parse(params.baseUri) : undefined;
        const folder = base?.scheme === 'file' ? path.dirname(base.fsPath) : process.cwd();
        const file = path.join(folder, `${base ? path.basename(base.fsPath) : 'markdown'}.block.arch`);
        const services = createArchServices(NodeFileSystem).Arch;
        const { side, diagnostics } = await loadSide(services, { type: 'sources', name: 'block', sources: [{ path: file, text: params.text }] }, {}, folder);
        const error = diagnostics.find(d => d.severity === 'error' && d.file === file);
        if (error) return { error: `Line ${error.line}: ${error.message}` };
        const options = { view: 'all', direction: 'RIGHT', legend: false } as const;
        const generator = services.diagram.DiagramGenerator;
        const [light, dark] = await Promise.all([
            generator.generate(side.model, { ...options, theme: 'light' }),
            generator.generate(side.model, { ...options, theme: 'dark' }),
        ]);
        return { title: side.model.title, light: light.svg, dark: dark.svg };
    } catch (error) {
        return { error: `Cannot draw the block: ${error instanceof Error ? error.message : String(error)}` };
    }
}
