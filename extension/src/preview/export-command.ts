import * as vscode from 'vscode';
import type { DiagramParams, ExportParams, ExportResponse } from '../../../language-server/src/protocol.js';
import type { PreviewManager } from './preview-manager.js';
import { isArch } from './preview-manager.js';
import { previewDefaults } from './preview-settings.js';
import type { DiagramSource } from './preview-panel.js';

interface ExportChoice extends vscode.QuickPickItem {
    readonly format: 'svg' | 'png' | ExportParams['format'];
    readonly theme: 'light' | 'dark';
    /** The file's extension and the save dialog's filter. */
    readonly extension: string;
    readonly filter: string;
}

/** Asks the language server for a text export (Mermaid, draw.io, JSON). */
export type ExportSource = (params: ExportParams) => Promise<ExportResponse>;

const CHOICES: readonly ExportChoice[] = [
    { label: 'SVG, light', description: 'vector image with a light stylesheet', format: 'svg', theme: 'light', extension: 'svg', filter: 'SVG image' },
    { label: 'SVG, dark', description: 'vector image with a dark stylesheet', format: 'svg', theme: 'dark', extension: 'svg', filter: 'SVG image' },
    { label: 'PNG, light', description: 'bitmap at twice the size, drawn by the preview', format: 'png', theme: 'light', extension: 'png', filter: 'PNG image' },
    { label: 'PNG, dark', description: 'bitmap at twice the size, drawn by the preview', format: 'png', theme: 'dark', extension: 'png', filter: 'PNG image' },
    { label: 'Mermaid', description: 'flowchart with subgraphs for groups (GitHub draws it in Markdown)', format: 'mermaid', theme: 'light', extension: 'mmd', filter: 'Mermaid' },
    { label: 'draw.io', description: 'diagram with the same layout, to edit in draw.io', format: 'drawio', theme: 'light', extension: 'drawio', filter: 'draw.io' },
    { label: 'JSON', description: 'the semantic model (schemas/archsight.model.schema.json)', format: 'json', theme: 'light', extension: 'json', filter: 'JSON' },
];
const PNG_SCALE = 2;
/** Canvas limits in Chromium: no side beyond 32k pixels and no more than about 268M pixels in all. */
const MAX_CANVAS_SIDE = 16_384;
const MAX_CANVAS_PIXELS = 128 * 1024 * 1024;

/**
 * "Archsight: Export Diagram…": the diagram of a document, as the preview shows it (view,
 * focus, direction, legend), to an SVG or PNG file with a light or dark stylesheet. The
 * save dialog chooses the file and asks before replacing one.
 */
export async function exportDiagram(manager: PreviewManager, source: DiagramSource, exportText: ExportSource, target?: vscode.Uri): Promise<void> {
    const uri = target instanceof vscode.Uri ? target : documentToExport(manager);
    if (!uri) {
        void vscode.window.showErrorMessage('Open an .arch file or its preview to export its diagram.');
        return;
    }
    const choice = await vscode.window.showQuickPick(CHOICES, { title: 'Export Diagram', placeHolder: 'Format and colours' });
    if (!choice) return;
    const destination = await vscode.window.showSaveDialog({
        title: 'Export Diagram',
        defaultUri: uri.with({ path: uri.path.replace(/\.arch$/i, '') + `.${choice.extension}` }),
        filters: { [choice.filter]: [choice.extension] },
    });
    if (!destination) return;
    const options = manager.get(uri)?.previewOptions ?? previewDefaults(uri);
    // What the preview shows, changes since HEAD included.
    const { sinceHead, ...drawing } = options;
    const params: DiagramParams = { uri: uri.toString(), ...drawing, ...sinceHead && { changesSince: 'HEAD' }, theme: choice.theme };
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Exporting the diagram…' }, async () => {
        if (choice.format !== 'svg' && choice.format !== 'png') {
            const answer = await exportText({ ...params, format: choice.format });
            if (answer.text === undefined) {
                void vscode.window.showErrorMessage(`Nothing exported. ${answer.error ?? 'The diagram could not be written.'}`);
                return;
            }
            await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(answer.text));
            void vscode.window.showInformationMessage(`Exported the diagram to ${vscode.workspace.asRelativePath(destination)}.`);
            return;
        }
        const response = await source(params, new vscode.CancellationTokenSource().token);
        if (response.error || response.stale || !response.diagram) {
            const reason = response.error ?? response.message ?? 'The diagram could not be drawn.';
            void vscode.window.showErrorMessage(`Nothing exported. ${reason}${response.stale ? ' Fix the syntax errors first.' : ''}`);
            return;
        }
        const { svg, width, height } = response.diagram;
        const bytes = choice.format === 'svg'
            ? new TextEncoder().encode(svg)
            : await renderPng(manager, uri, svg, width, height);
        await vscode.workspace.fs.writeFile(destination, bytes);
        void vscode.window.showInformationMessage(`Exported the diagram to ${vscode.workspace.asRelativePath(destination)}.`);
    }).then(undefined, (error: unknown) => {
        void vscode.window.showErrorMessage(`Nothing exported. ${error instanceof Error ? error.message : String(error)}`);
    });
}

/** PNG needs a browser's canvas: the preview's webview draws it, so the preview is opened if needed. */
async function renderPng(manager: PreviewManager, uri: vscode.Uri, svg: string, width: number, height: number): Promise<Uint8Array> {
    const panel = manager.get(uri) ?? manager.open(uri, vscode.ViewColumn.Beside);
    const scale = Math.min(PNG_SCALE, MAX_CANVAS_SIDE / Math.max(width, 1), MAX_CANVAS_SIDE / Math.max(height, 1),
        Math.sqrt(MAX_CANVAS_PIXELS / Math.max(width * height, 1)));
    return panel.renderPng(svg, width, height, scale);
}

function documentToExport(manager: PreviewManager): vscode.Uri | undefined {
    const editor = vscode.window.activeTextEditor;
    if (editor && isArch(editor.document)) return editor.document.uri;
    return manager.activePanel?.documentUri;
}
