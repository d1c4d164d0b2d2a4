import * as vscode from 'vscode';
import type { SnippetResponse } from '../../../language-server/src/protocol.js';
import { archFencePlugin, type MarkdownIt } from './arch-fence.js';

/**
 * What `activate` returns for `contributes.markdown.markdownItPlugins`: VS Code calls
 * `extendMarkdownIt` with its Markdown preview's markdown-it.
 */
export function markdownPreviewExtension(draw: (text: string, baseUri: string | undefined) => Promise<SnippetResponse>): { extendMarkdownIt(md: MarkdownIt): MarkdownIt } {
    const plugin = archFencePlugin(draw, () => void vscode.commands.executeCommand('markdown.preview.refresh'));
    return { extendMarkdownIt: plugin };
}
