import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { previewHtml } from '../../extension/src/preview/preview-html.js';
import { applyTheme, THEMES } from '../../extension/webview/theme.js';
import { diagramStylesheet } from '../../language-server/src/diagram/styles.js';
import { REPO } from '../helpers/cli.js';

// archsight.preview.theme: the preview in the editor's colours, or in those of the light and dark exports.
const setting = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).contributes.configuration.properties['archsight.preview.theme'];
const parts = { cspSource: 'https://x.vscode-cdn.net', nonce: 'n', scriptUri: 'https://x.vscode-cdn.net/p.js', styleUri: 'https://x.vscode-cdn.net/p.css', title: 'Preview shop.arch' };

function fakeBody(initial: string[] = []) {
    const classes = new Set(initial);
    return { classes, classList: { toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name)) } };
}

describe('the preview theme', () => {
    test('is a setting with the choices the webview knows, following the editor by default', () => {
        expect(setting).toMatchObject({ type: 'string', enum: [...THEMES], default: 'auto' });
        expect(setting.enumDescriptions).toHaveLength(THEMES.length);
    });

    test('the page starts in it: a class on <body> for light and dark, none for auto', () => {
        expect(previewHtml({ ...parts, theme: 'light' })).toContain('<body class="archsight-theme-light">');
        expect(previewHtml({ ...parts, theme: 'dark' })).toContain('<body class="archsight-theme-dark">');
        expect(previewHtml({ ...parts, theme: 'auto' })).toContain('<body>');
        expect(previewHtml(parts)).toContain('<body>');
    });

    test('a change swaps the class; anything else than a known theme follows the editor', () => {
        const body = fakeBody(['vscode-dark']);
        applyTheme(body, 'dark');
        expect([...body.classes].sort()).toEqual(['archsight-theme-dark', 'vscode-dark']);
        applyTheme(body, 'light');
        expect([...body.classes].sort()).toEqual(['archsight-theme-light', 'vscode-dark']);
        applyTheme(body, '__proto__');
        expect([...body.classes]).toEqual(['vscode-dark']);
    });

    test("the webview's stylesheet gives the diagram the export's colours under those classes", () => {
        const css = readFileSync(path.join(REPO, 'extension/webview/preview.css'), 'utf8');
        expect(css).toContain("@import '../../language-server/src/diagram/styles/light.css';");
        expect(css).toContain("@import '../../language-server/src/diagram/styles/dark.css';");
        for (const theme of ['light', 'dark'] as const) {
            const sheet = readFileSync(path.join(REPO, `language-server/src/diagram/styles/${theme}.css`), 'utf8');
            expect(sheet).toContain(`.archsight-theme-${theme} .archsight-diagram, .archsight-theme-${theme} #stage {`);
            // The same values the exported SVG embeds.
            const background = /--as-background:\s*([^;]+);/.exec(sheet)![1];
            expect(diagramStylesheet(theme)).toContain(`.diagram-background { fill: ${background}; }`);
        }
    });
});
