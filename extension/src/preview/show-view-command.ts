import * as vscode from 'vscode';
import { pick, pickerEntries, pickerValue } from '../../webview/view-choice.js';
import type { PreviewManager } from './preview-manager.js';

interface ViewItem extends vscode.QuickPickItem {
    readonly value?: string;
    readonly sequence?: boolean;
}

/**
 * "Archsight: Show View…": a quick pick of the fixed filters and the document's views and
 * flows (a flow also as a sequence diagram); the preview opens beside the editor on the one
 * picked.
 */
export async function showView(manager: PreviewManager, document: vscode.Uri | undefined): Promise<void> {
    const uri = document ?? manager.activePanel?.documentUri;
    if (!uri) {
        void vscode.window.showErrorMessage('Open an .arch file to show one of its views.');
        return;
    }
    const panel = manager.open(uri, vscode.ViewColumn.Beside);
    const choices = await panel.declaredChoices();
    const current = pickerValue(panel.previewOptions);
    const items: ViewItem[] = [];
    let group = '';
    for (const entry of pickerEntries(choices)) {
        if (entry.group !== group) items.push({ label: group = entry.group, kind: vscode.QuickPickItemKind.Separator });
        const detail = entry.value === current ? 'shown now' : undefined;
        const id = entry.value.slice(entry.value.indexOf(':') + 1);
        items.push({ label: entry.label, description: id, detail, value: entry.value });
        if (entry.group === 'Flows') items.push({ label: `${entry.label}: sequence diagram`, description: id, value: entry.value, sequence: true });
    }
    const picked = await vscode.window.showQuickPick(items, { title: 'Show View', placeHolder: 'A filter, a view or a flow of the file', matchOnDescription: true });
    if (!picked?.value) return;
    const options = pick(panel.previewOptions, picked.value);
    if (!options) return;
    await panel.showView(options.flow !== undefined ? { ...options, as: picked.sequence ? 'sequence' : 'diagram' } : options);
}
