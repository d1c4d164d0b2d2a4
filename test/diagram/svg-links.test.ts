import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { safeHref } from '../../language-server/src/diagram/safe-link.js';
import { arch, createTestServices } from '../helpers/services.js';
import { elementsOf, modelOf, parseSvg } from './diagram-helpers.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

describe('safe link addresses', () => {
    test('http, https and relative paths pass', () => {
        expect(safeHref('https://runbooks.example/orders?x=1&y=2')).toBe('https://runbooks.example/orders?x=1&y=2');
        expect(safeHref('http://grafana.local:3000/d/abc')).toBe('http://grafana.local:3000/d/abc');
        expect(safeHref('docs/runbook.md')).toBe('docs/runbook.md');
        expect(safeHref('../adr/0007-payments.md#context')).toBe('../adr/0007-payments.md#context');
    });

    test('other schemes, host-relative addresses and control characters do not', () => {
        for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'vscode://x', '//evil.example/x', 'docs/\u0000x', 'a\\b', '']) {
            expect(safeHref(bad), bad).toBeUndefined();
        }
    });
});

describe('links in the SVG', () => {
    test('elements, groups and relations link to their safe addresses, escaped; unsafe ones are not drawn', async () => {
        const model = await modelOf(services, arch(`
  system shop { link "https://wiki.example/shop" "Wiki"
    service orders { link "https://runbooks.example/orders?a=1&b=\\"2\\"" "Runbook <orders>" link "javascript:alert(1)" "Bad" link "docs/orders.md" }
  }
  database ordersDb
  orders -> ordersDb "reads" { link "https://db.example/schema" }`));
        const generator = services.Arch.diagram.DiagramGenerator;
        const { svg } = await generator.generate(model, { view: 'all', direction: 'RIGHT', theme: 'light', legend: false });
        const doc = parseSvg(svg);
        const links = elementsOf(doc, 'a').map(a => `${a.parentElement?.getAttribute('data-id') ?? a.parentElement?.parentElement?.getAttribute('data-id')} ${a.getAttribute('href')}`);
        expect(links).toEqual([
            'shop https://wiki.example/shop',
            'orders https://runbooks.example/orders?a=1&b=%222%22',
            'orders docs/orders.md',
            'orders->ordersDb https://db.example/schema',
        ]);
        expect(svg).not.toContain('javascript:');
        expect(svg).toContain('Runbook &lt;orders&gt;');
    });
});
