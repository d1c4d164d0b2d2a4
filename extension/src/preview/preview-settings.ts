import * as vscode from 'vscode';
import type { PreviewOptions, PreviewTheme } from '../../webview/messages.js';
import { THEMES } from '../../webview/theme.js';
import { optionsFromSettings } from './preview-options.js';

/** The options a new preview of `uri` opens with, from the `archsight.preview` settings of its folder. */
export function previewDefaults(uri?: vscode.Uri): PreviewOptions {
    const settings = vscode.workspace.getConfiguration('archsight.preview', uri);
    return optionsFromSettings({ view: settings.get('view'), direction: settings.get('direction'), legend: settings.get('legend') });
}

/** `archsight.preview.theme` for `uri`'s folder; anything unknown follows the editor (`auto`). */
export function previewTheme(uri?: vscode.Uri): PreviewTheme {
    const theme = vscode.workspace.getConfiguration('archsight.preview', uri).get<unknown>('theme');
    return THEMES.includes(theme as PreviewTheme) ? theme as PreviewTheme : 'auto';
}
