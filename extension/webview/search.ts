import { matchCount, matchingIds, stepMatch, type Searchable } from './search-match.js';

/** The parts of the toolbar the search uses. */
export interface SearchParts {
    readonly box: HTMLElement;
    readonly toggle: HTMLButtonElement;
    readonly input: HTMLInputElement;
    readonly count: HTMLElement;
    readonly previous: HTMLButtonElement;
    readonly next: HTMLButtonElement;
    readonly close: HTMLButtonElement;
}

/**
 * Search in the preview (Ctrl+F, Cmd+F): the elements and groups whose id, label, tag or
 * technology contain what is typed are highlighted; Enter centres the next one, Shift+Enter
 * the previous one, Escape closes. The matches follow each new drawing.
 */
export class DiagramSearch {
    private items: Searchable[] = [];
    private byId = new Map<string, Element>();
    private matches: string[] = [];
    private current = -1;

    constructor(private readonly ui: SearchParts, private readonly centre: (element: Element) => void, private readonly closed: () => void) {
        ui.toggle.addEventListener('click', () => (ui.box.hidden ? this.open() : this.close()));
        ui.input.addEventListener('input', () => {
            this.current = -1;
            this.apply();
        });
        ui.input.addEventListener('keydown', event => {
            if (event.key === 'Enter') this.step(event.shiftKey ? -1 : 1);
            else if (event.key === 'Escape') this.close();
            else return;
            event.preventDefault();
            event.stopPropagation();
        });
        ui.previous.addEventListener('click', () => this.step(-1));
        ui.next.addEventListener('click', () => this.step(1));
        ui.close.addEventListener('click', () => this.close());
        // Before VS Code's own handling of the key and the stage's `f` (fit): capture, and keep it here.
        window.addEventListener('keydown', event => {
            if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
                event.preventDefault();
                event.stopPropagation();
                this.open();
            }
        }, true);
    }

    get isOpen(): boolean {
        return !this.ui.box.hidden;
    }

    open(): void {
        this.ui.box.hidden = false;
        this.ui.toggle.setAttribute('aria-expanded', 'true');
        this.ui.input.focus();
        this.ui.input.select();
    }

    close(): void {
        this.ui.box.hidden = true;
        this.ui.toggle.setAttribute('aria-expanded', 'false');
        this.ui.input.value = '';
        this.current = -1;
        this.apply();
        this.closed();
    }

    /** A new drawing: index what it draws and mark the matches again (the current one stays if it is still drawn). */
    index(svg: SVGSVGElement): void {
        const currentId = this.matches[this.current];
        this.byId = new Map();
        this.items = [];
        for (const element of svg.querySelectorAll('g.node[data-id], g.group[data-id]')) {
            const id = element.getAttribute('data-id')!;
            if (this.byId.has(id)) continue;
            this.byId.set(id, element);
            this.items.push({ id, text: searchText(id, element) });
        }
        this.apply();
        this.current = currentId === undefined ? -1 : this.matches.indexOf(currentId);
        this.mark();
    }

    private step(step: 1 | -1): void {
        this.current = stepMatch(this.current, this.matches.length, step);
        this.mark();
        const element = this.byId.get(this.matches[this.current]);
        if (element) this.centre(element);
    }

    private apply(): void {
        this.matches = this.isOpen ? matchingIds(this.items, this.ui.input.value) : [];
        this.mark();
    }

    private mark(): void {
        for (const element of this.byId.values()) element.classList.remove('search-match', 'search-current');
        for (const [i, id] of this.matches.entries()) this.byId.get(id)?.classList.add('search-match', ...(i === this.current ? ['search-current'] : []));
        this.ui.count.textContent = matchCount(this.current, this.matches.length, this.ui.input.value);
        const none = this.matches.length === 0;
        this.ui.previous.disabled = none;
        this.ui.next.disabled = none;
    }
}

/**
 * What a drawn element is found by: its id, the first line of its tooltip (the whole label,
 * its kind and technology, uncut) and its tags (`data-tags`).
 */
function searchText(id: string, element: Element): string {
    const title = element.querySelector(':scope > title')?.textContent ?? '';
    return [id, title.split('\n')[0], element.getAttribute('data-tags') ?? ''].join(' ');
}
