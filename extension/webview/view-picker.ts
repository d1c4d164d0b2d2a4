import type { DiagramChoice } from '../../language-server/src/diagram/diagram-types.js';
import type { PreviewOptions } from './messages.js';
import { pick, pickerEntries, pickerValue } from './view-choice.js';

/**
 * The view picker of the preview's toolbar: the fixed filters, then the document's views
 * and flows (`view-choice.ts`), and for a flow a toggle between the flow on the diagram and
 * its sequence diagram. It reports the options picked; the extension asks for the drawing.
 */
export class ViewPicker {
    private signature = '';

    constructor(
        private readonly select: HTMLSelectElement,
        private readonly sequence: HTMLButtonElement,
        current: () => PreviewOptions,
        change: (options: PreviewOptions) => void,
    ) {
        select.addEventListener('change', () => {
            const next = pick(current(), select.value);
            if (next) change(next);
        });
        sequence.addEventListener('click', () => {
            const options = current();
            if (options.flow !== undefined) change({ ...options, as: options.as === 'sequence' ? 'diagram' : 'sequence' });
        });
    }

    /** Lists the choices (rebuilt only when they changed, so an open list stays open) and shows what is drawn. */
    show(choices: readonly DiagramChoice[], options: PreviewOptions): void {
        const entries = pickerEntries(choices);
        const signature = JSON.stringify(entries);
        if (signature !== this.signature) {
            this.signature = signature;
            const groups = new Map<string, HTMLElement>();
            for (const entry of entries) {
                let group = groups.get(entry.group);
                if (!group) {
                    group = document.createElement('optgroup');
                    // Text from the file is set as text, never as markup.
                    (group as HTMLOptGroupElement).label = entry.group;
                    groups.set(entry.group, group);
                }
                const option = document.createElement('option');
                option.value = entry.value;
                option.textContent = entry.label;
                group.appendChild(option);
            }
            // Only filters: no headings, as before views existed.
            const lists = [...groups.values()];
            this.select.replaceChildren(...(lists.length === 1 ? [...lists[0].children] : lists));
        }
        this.select.value = pickerValue(options);
        const flow = options.flow !== undefined;
        this.sequence.hidden = !flow;
        this.sequence.setAttribute('aria-pressed', String(flow && options.as === 'sequence'));
        this.sequence.classList.toggle('pressed', flow && options.as === 'sequence');
    }
}
