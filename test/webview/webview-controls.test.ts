// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import type { PreviewOptions } from '../../extension/webview/messages.js';
import { DiagramSearch } from '../../extension/webview/search.js';
import { ViewPicker } from '../../extension/webview/view-picker.js';

// The view picker and the search of the preview's toolbar, on a DOM (happy-dom): what they
// show and what they report. The real VS Code run is e2e scenario 12.

function element<T extends HTMLElement>(html: string): T {
    const holder = document.createElement('div');
    holder.innerHTML = html;
    const made = holder.firstElementChild as T;
    document.body.appendChild(made);
    return made;
}

const base: PreviewOptions = { view: 'all', direction: 'DOWN', legend: true };
const choices = [{ kind: 'view', id: 'money', label: 'Money <b>' }, { kind: 'flow', id: 'checkout', label: 'Place an order' }] as const;

describe('the view picker', () => {
    test('lists the filters alone without choices, in headed groups with them; labels stay text', () => {
        const select = element<HTMLSelectElement>('<select></select>');
        const sequence = element<HTMLButtonElement>('<button hidden></button>');
        const picker = new ViewPicker(select, sequence, () => base, () => undefined);
        picker.show([], base);
        expect(select.querySelectorAll('optgroup').length).toBe(0);
        expect([...select.options].map(o => o.value)).toEqual(['all', 'calls', 'messaging', 'observability']);
        picker.show(choices, base);
        expect([...select.querySelectorAll('optgroup')].map(g => g.getAttribute('label'))).toEqual(['Filters', 'Views', 'Flows']);
        expect(select.querySelector('option[value="view:money"]')?.textContent).toBe('Money <b>');
        expect(select.querySelector('b')).toBeNull();
    });

    test('reports the options of the entry picked, and the flow toggled to a sequence diagram and back', () => {
        const select = element<HTMLSelectElement>('<select></select>');
        const sequence = element<HTMLButtonElement>('<button hidden></button>');
        let options = base;
        const reported: PreviewOptions[] = [];
        const picker = new ViewPicker(select, sequence, () => options, next => reported.push(options = next));
        picker.show(choices, options);
        expect(sequence.hidden).toBe(true);
        select.value = 'flow:checkout';
        select.dispatchEvent(new Event('change'));
        expect(reported.at(-1)).toEqual({ ...base, flow: 'checkout' });
        picker.show(choices, options);
        expect(sequence.hidden).toBe(false);
        expect(sequence.getAttribute('aria-pressed')).toBe('false');
        sequence.click();
        expect(reported.at(-1)).toEqual({ ...base, flow: 'checkout', as: 'sequence' });
        picker.show(choices, options);
        expect(sequence.getAttribute('aria-pressed')).toBe('true');
        sequence.click();
        expect(reported.at(-1)).toEqual({ ...base, flow: 'checkout', as: 'diagram' });
        select.value = 'view:money';
        select.dispatchEvent(new Event('change'));
        expect(reported.at(-1)).toEqual({ ...base, named: 'money' });
    });
});

describe('the search', () => {
    function setUp() {
        const box = element<HTMLSpanElement>('<span hidden></span>');
        const parts = {
            box,
            toggle: element<HTMLButtonElement>('<button></button>'),
            input: box.appendChild(element<HTMLInputElement>('<input>')),
            count: element<HTMLSpanElement>('<span></span>'),
            previous: element<HTMLButtonElement>('<button></button>'),
            next: element<HTMLButtonElement>('<button></button>'),
            close: element<HTMLButtonElement>('<button></button>'),
        };
        const centred: string[] = [];
        const search = new DiagramSearch(parts, e => centred.push(e.getAttribute('data-id')!), () => undefined);
        const svg = element<HTMLElement>(`<svg xmlns="http://www.w3.org/2000/svg">
            <g class="group group-system" data-id="payments" data-tags="pci"><title>Payments (system)</title></g>
            <g class="node kind-service" data-id="pay" data-tags="pci team-payments"><title>Payment Service (service, java)\nwarning: no health check</title></g>
            <g class="node kind-service" data-id="orders"><title>Order Service (service, go)</title></g>
            <g class="edge rel-sync" data-id="orders->pay"><title>orders -> pay (pci)</title></g>
        </svg>`) as unknown as SVGSVGElement;
        search.index(svg);
        const type = (text: string) => {
            parts.input.value = text;
            parts.input.dispatchEvent(new Event('input'));
        };
        const key = (k: string, shiftKey = false) => parts.input.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true }));
        const marked = (cls: string) => [...svg.querySelectorAll(`.${cls}`)].map(e => e.getAttribute('data-id'));
        return { parts, search, svg, centred, type, key, marked };
    }

    test('Ctrl+F opens it; typing marks the elements and groups by tag, label or technology, not edges', () => {
        const { parts, type, marked } = setUp();
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'f', ctrlKey: true }));
        expect(parts.box.hidden).toBe(false);
        type('PCI');
        expect(marked('search-match')).toEqual(['payments', 'pay']);
        expect(parts.count.textContent).toBe('2 matches');
        type('java');
        expect(marked('search-match')).toEqual(['pay']);
        // The findings in the tooltip are not what an element is found by.
        type('health');
        expect(parts.count.textContent).toBe('No matches');
    });

    test('Enter centres the next match and counts it, Shift+Enter the previous; Escape closes and unmarks', () => {
        const { parts, search, type, key, centred, marked } = setUp();
        search.open();
        type('pci');
        key('Enter');
        key('Enter');
        expect(centred).toEqual(['payments', 'pay']);
        expect(parts.count.textContent).toBe('2 of 2');
        expect(marked('search-current')).toEqual(['pay']);
        key('Enter', true);
        expect(parts.count.textContent).toBe('1 of 2');
        key('Escape');
        expect(parts.box.hidden).toBe(true);
        expect(marked('search-match')).toEqual([]);
    });

    test('a new drawing keeps the query and the current match when it is still drawn', () => {
        const { parts, search, svg, type, key, marked } = setUp();
        search.open();
        type('pci');
        key('Enter');
        key('Enter');
        search.index(svg);
        expect(marked('search-current')).toEqual(['pay']);
        expect(parts.count.textContent).toBe('2 of 2');
    });
});
