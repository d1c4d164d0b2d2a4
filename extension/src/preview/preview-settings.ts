import * as vscode from 'vscode';
import type { PreviewOptions } from '../../webview/messages.js';
import { optionsFromSettings } from './preview-options.js';

/** The options a new preview of `uri` opens with, from the `archsight.preview` settings of its folder. */
export function previewDefaults(uri?: vscode.Uri): PreviewOptions {
    const settings = vscode.workspace.getConfiguration('archsight.preview', uri);
    return optionsFromSettings({ view: settings.get('view'), direction: settings.get('direction'), legend: settings.get('legend') });
}
