import type { DiagramFinding } from '../../language-server/src/diagram/diagram-types.js';
import { countsText, orderFindings, type ListedFinding } from './findings-order.js';

const ICON: Record<DiagramFinding['severity'], string> = { error: '⛔', warning: '⚠', info: 'ℹ' };

/**
 * The toolbar's findings count, which opens a list of the findings, and Next, which
 * cycles through them: each one picked is selected on the diagram and revealed in the
 * editor (`pick`). Text from the file is set as text, never as markup.
 */
export class FindingsList {
    private findings: ListedFinding[] = [];
    private current = -1;

    constructor(
        private readonly button: HTMLButtonElement,
        private readonly next: HTMLButtonElement,
        private readonly list: HTMLElement,
        private readonly pick: (id: string) => void,
    ) {
        button.addEventListener('click', () => this.toggle());
        next.addEventListener('click', () => this.step(1));
        // The list sits on the stage, which pans on a drag: a click in the list is not a drag.
        list.addEventListener('pointerdown', event => event.stopPropagation());
        list.addEventListener('wheel', event => event.stopPropagation());
    }

    update(findings: Readonly<Record<string, readonly DiagramFinding[]>>, order: readonly string[]): void {
        const previous = this.findings[this.current];
        this.findings = orderFindings(findings, order);
        // Keep the place in the list across redraws, as long as that finding is still there.
        this.current = previous ? this.findings.findIndex(f => f.id === previous.id && f.message === previous.message) : -1;
        const worst = this.findings[0]?.severity;
        this.button.textContent = countsText(this.findings);
        this.button.className = worst === 'error' ? 'has-errors' : worst === 'warning' ? 'has-warnings' : '';
        this.button.disabled = this.findings.length === 0;
        this.next.disabled = this.findings.length === 0;
        if (this.findings.length === 0) this.close();
        this.render();
    }

    /** The next (1) or previous (-1) finding, round the end of the list. */
    step(direction: 1 | -1): void {
        if (this.findings.length === 0) return;
        const n = this.findings.length;
        this.choose(this.current < 0 ? (direction === 1 ? 0 : n - 1) : (this.current + direction + n) % n);
    }

    close(): void {
        this.list.hidden = true;
        this.button.setAttribute('aria-expanded', 'false');
    }

    private toggle(): void {
        const open = this.list.hidden;
        this.list.hidden = !open;
        this.button.setAttribute('aria-expanded', String(open));
        if (open) this.list.querySelector<HTMLElement>('.current')?.scrollIntoView({ block: 'nearest' });
    }

    private choose(index: number): void {
        this.current = index;
        this.render();
        this.list.querySelector<HTMLElement>('.current')?.scrollIntoView({ block: 'nearest' });
        this.pick(this.findings[index].id);
    }

    private render(): void {
        const rows = this.findings.map((finding, i) => {
            const row = document.createElement('div');
            row.className = `finding finding-${finding.severity}${i === this.current ? ' current' : ''}`;
            row.setAttribute('role', 'option');
            row.setAttribute('aria-selected', String(i === this.current));
            const icon = document.createElement('span');
            icon.className = 'finding-icon';
            icon.textContent = ICON[finding.severity];
            const where = document.createElement('span');
            where.className = 'finding-id';
            where.textContent = finding.id;
            const text = document.createElement('span');
            text.className = 'finding-message';
            text.textContent = finding.message;
            row.append(icon, where, text);
            row.title = finding.code ? `${finding.message} [${finding.code}]` : finding.message;
            row.addEventListener('click', () => this.choose(i));
            return row;
        });
        this.list.replaceChildren(...rows);
    }
}
