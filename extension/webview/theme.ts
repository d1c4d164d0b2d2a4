import type { PreviewTheme } from './messages.js';

export const THEMES: readonly PreviewTheme[] = ['auto', 'light', 'dark'];

/** The class on the page's `<body>` that gives the diagram fixed colours (light.css, dark.css); none follows the editor. */
export function themeClass(theme: PreviewTheme): string | undefined {
    return theme === 'auto' ? undefined : `archsight-theme-${theme}`;
}

/** Shows the diagram in `theme` from now on. */
export function applyTheme(body: { readonly classList: { toggle(name: string, force: boolean): unknown } }, theme: unknown): void {
    for (const known of THEMES) {
        const name = themeClass(known);
        if (name) body.classList.toggle(name, known === theme);
    }
}
