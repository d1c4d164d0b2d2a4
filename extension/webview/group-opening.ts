/**
 * Semantic zoom in the preview: a closed group (drawn as one box with its counts) opens
 * on a double-click, or on Enter while it is selected; the breadcrumb above the stage
 * names the groups opened so far and goes back to any step. The extension keeps the list
 * and asks the server for the drawing; this module only reports and shows it.
 */

/** The closed group a double-click or Enter landed on, if any. */
export function closedGroupAt(target: EventTarget | null | undefined): string | undefined {
    if (!(target instanceof Element)) return undefined;
    const group = target.closest('g.group.collapsed[data-id]');
    return group?.getAttribute('data-id') ?? undefined;
}

export class Breadcrumb {
    constructor(private readonly bar: HTMLElement, private readonly back: (depth: number) => void) {}

    /** Shows the trail of opened groups, labelled as the drawing labels them; hidden when none is open. */
    show(opened: readonly string[], labelOf: (id: string) => string | undefined): void {
        this.bar.hidden = opened.length === 0;
        if (opened.length === 0) {
            this.bar.replaceChildren();
            return;
        }
        const steps: HTMLElement[] = [this.step('Back', 'Close the group opened last', opened.length - 1), this.step('Whole architecture', 'Close every group opened by a double-click', 0)];
        for (const [i, id] of opened.entries()) {
            const separator = document.createElement('span');
            separator.className = 'breadcrumb-separator';
            separator.textContent = '›';
            separator.setAttribute('aria-hidden', 'true');
            const last = i === opened.length - 1;
            const name = labelOf(id) ?? id;
            // Text from the file is set as text, never as markup.
            const step = last ? document.createElement('span') : this.step(name, `Back to ${name}`, i + 1);
            if (last) {
                step.textContent = name;
                step.setAttribute('aria-current', 'location');
            }
            steps.push(separator, step);
        }
        this.bar.replaceChildren(...steps);
    }

    private step(text: string, title: string, depth: number): HTMLButtonElement {
        const button = document.createElement('button');
        button.textContent = text;
        button.title = title;
        button.addEventListener('click', () => this.back(depth));
        return button;
    }
}
