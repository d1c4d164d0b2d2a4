import base from './styles/base.css?raw';
import dark from './styles/dark.css?raw';
import light from './styles/light.css?raw';
import vscode from './styles/vscode.css?raw';

/**
 * The stylesheet an SVG embeds. Exports get plain colours (the theme's variables resolved
 * into base.css), because SVG viewers and converters other than browsers often ignore
 * CSS variables; the preview keeps the variables to follow the editor's theme.
 */
export function diagramStylesheet(theme: 'light' | 'dark' | 'vscode'): string {
    if (theme === 'vscode') return `${base}\n${vscode}`;
    return resolveVariables(stripComments(base), variablesOf(theme === 'dark' ? dark : light));
}

function variablesOf(css: string): Map<string, string> {
    const vars = new Map<string, string>();
    for (const match of stripComments(css).matchAll(/(--as-[\w-]+)\s*:\s*([^;]+);/g)) vars.set(match[1], match[2].trim());
    return vars;
}

function resolveVariables(css: string, vars: ReadonlyMap<string, string>): string {
    return css.replace(/var\((--as-[\w-]+)\)/g, (whole, name: string) => vars.get(name) ?? whole);
}

function stripComments(css: string): string {
    return css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\n\s*\n/g, '\n').trim() + '\n';
}
