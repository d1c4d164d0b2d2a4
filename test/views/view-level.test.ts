import type { LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { DiagramHandler } from '../../language-server/src/lsp/diagram-handler.js';
import type { DiagramParams } from '../../language-server/src/protocol.js';
import { arch, check, createRuleTestServices, findingsOf } from '../rules/rule-test-kit.js';

// `level` in a view: a context view starts with its systems closed, and opens level by
// level (the preview's double-clicks, `expand`).
const services = createRuleTestServices();
const handler = new DiagramHandler(services.shared);
afterEach(() => clearDocuments(services.shared));

const SHOP = [
    'client web',
    'system shop "Shop" {',
    '  service orders',
    '  system payments "Payments" {',
    '    service pay',
    '    database payDb',
    '  }',
    '}',
    'web -> orders',
    'orders -> pay { timeout 1s }',
    'pay -> payDb',
].join('\n');

function params(doc: LangiumDocument, extra: Partial<DiagramParams> = {}): DiagramParams {
    return { uri: doc.uri.toString(), view: 'all', direction: 'DOWN', theme: 'vscode', legend: false, ...extra };
}

async function drawn(doc: LangiumDocument, extra: Partial<DiagramParams> = {}): Promise<{ nodes: string[]; closed: string[] }> {
    const { svg } = (await handler.handle(params(doc, extra))).diagram!;
    return {
        nodes: [...svg.matchAll(/<g class="node\b[^"]*" data-id="([^"]*)"/g)].map(m => m[1]).sort(),
        closed: [...svg.matchAll(/<g class="group\b[^"]*\bcollapsed\b[^"]*" data-id="([^"]*)"/g)].map(m => m[1]).sort(),
    };
}

describe('a view\'s level', () => {
    test('is read as a depth: systems is 0, a number its depth, full and auto as they are', async () => {
        const doc = await check(services, arch(`${SHOP}\nview a { level systems }\nview b { level 1 }\nview c { level full }\nview d { include shop.* }`));
        const views = services.Arch.model.ModelProvider.getModel(doc).views;
        expect([...views.values()].map(v => v.level)).toEqual([0, 1, 'full', undefined]);
    });

    test('an unknown level is an error that says what was meant; the known ones pass', async () => {
        const doc = await check(services, arch(`${SHOP}\nview a { level sytems }\nview b { level 1 }\nview c { level 101 }`));
        expect(findingsOf(doc, 'unknown-view-filter').map(f => f.replace(/^\d+:\d+ /, ''))).toEqual([
            "error A view's level is systems, full, auto or a depth from 0 to 100, not 'sytems'. Did you mean 'systems'?",
            "error A view's level is systems, full, auto or a depth from 0 to 100, not '101'.",
        ]);
    });

    test('level systems draws the view with its systems closed; opening one shows its members at the next level', async () => {
        const doc = await check(services, arch(`${SHOP}\nview context "Context" { level systems }`));
        expect(await drawn(doc, { named: 'context' })).toEqual({ nodes: ['web'], closed: ['shop'] });
        expect(await drawn(doc, { named: 'context', expand: ['shop'] })).toEqual({ nodes: ['orders', 'web'], closed: ['payments'] });
        // The preview asks with a pane and `auto`: the view's level wins over what would read.
        expect(await drawn(doc, { named: 'context', pane: { width: 2000, height: 2000 }, level: 'auto' })).toEqual({ nodes: ['web'], closed: ['shop'] });
    });

    test('near misses: the same file without the view, a view without a level, or a level asked for explicitly, draw the groups open', async () => {
        const doc = await check(services, arch(`${SHOP}\nview context "Context" { level systems }\nview all "All" { include * }`));
        const open = { nodes: ['orders', 'pay', 'payDb', 'web'], closed: [] };
        expect(await drawn(doc)).toEqual(open);
        expect(await drawn(doc, { named: 'all' })).toEqual(open);
        expect(await drawn(doc, { named: 'context', level: 'full' })).toEqual(open);
    });

    test('a view\'s direction is used where the preview would choose one', async () => {
        const doc = await check(services, arch(`${SHOP}\nview wide { direction right }`));
        const response = await handler.handle(params(doc, { named: 'wide', pane: { width: 300, height: 2000 }, chooseDirection: true }));
        expect(response.diagram?.direction).toBe('RIGHT');
    });
});
