import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { collapseGroups } from '../../language-server/src/diagram/collapse.js';
import { DiagramGenerator } from '../../language-server/src/diagram/diagram-generator.js';
import { defaultElkFactory } from '../../language-server/src/diagram/elk-layout.js';
import { candidateLevels, fitZoom, openAtLevel, textPxAtFit } from '../../language-server/src/diagram/level-of-detail.js';
import { subjectGroup } from '../../language-server/src/diagram/level-subject.js';
import { selectView } from '../../language-server/src/diagram/views.js';
import { arch, createTestServices } from '../helpers/services.js';
import { groupsWithClass, modelOf, parseSvg } from './diagram-helpers.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

const SHOP = arch(`
    client web
    system shop "Shop" {
        service orders
        service payments
        service stock
        system billing "Billing" { service invoices  service ledger }
    }
    stack obs "Observability" { metrics prom }
    web -> orders : https
    orders -> payments
    orders -> invoices
    payments -> ledger
    orders ..> prom`);

describe('levels of detail', () => {
    test('text size at fit: a drawing twice the pane shows 13 px labels at 6.5 px; a small one is not enlarged', () => {
        expect(textPxAtFit(1600, 1000, { width: 800, height: 1000 })).toBe(6.5);
        expect(fitZoom(400, 300, { width: 800, height: 1000 })).toBe(1);
    });

    test('candidates keep the subject open while the periphery closes, then its nested groups; then, from everything open, the most deeply nested and largest first; never what --expand opens', async () => {
        const model = await modelOf(services, SHOP);
        const selection = selectView(model, 'all');
        const closedAt = (open: ReadonlySet<string>) => [...selection.groupIds].filter(g => !open.has(g)).sort().join(' ') || '-';
        expect(subjectGroup(model, selection)).toBe('shop');
        expect(candidateLevels(model, selection).map(closedAt)).toEqual(['-', 'obs', 'billing obs', 'billing', 'billing shop', 'billing obs shop']);
        expect(candidateLevels(model, selection, ['billing']).map(closedAt)).toEqual(['-', 'obs']);
    });

    test('the element the user is at names the subject: the stack around it stays open while the shop closes', async () => {
        const model = await modelOf(services, SHOP);
        const selection = selectView(model, 'all');
        const closedAt = (open: ReadonlySet<string>) => [...selection.groupIds].filter(g => !open.has(g)).sort().join(' ') || '-';
        expect(subjectGroup(model, selection, 'prom')).toBe('obs');
        expect(candidateLevels(model, selection, [], 'prom').map(closedAt)).toEqual(['-', 'billing', 'billing shop', 'billing obs shop']);
    });

    test('without a hint the subject is the group most relations touch among those with workloads, never a stack or a boundary', async () => {
        const model = await modelOf(services, arch(`
            boundary partners "Partners" { service psp  service carrier  service bank }
            system shop { service orders  service payments }
            stack obs { metrics prom }
            orders -> payments
            payments -> psp
            orders ..> prom`));
        expect(subjectGroup(model, selectView(model, 'all'))).toBe('shop');
    });

    test('level n opens the groups nested less than n deep; --expand opens a group and the groups around it', async () => {
        const model = await modelOf(services, SHOP);
        const selection = selectView(model, 'all');
        expect([...openAtLevel(model, selection, 0)]).toEqual([]);
        expect([...openAtLevel(model, selection, 1)].sort()).toEqual(['obs', 'shop']);
        expect([...openAtLevel(model, selection, 0, ['billing'])].sort()).toEqual(['billing', 'shop']);
    });

    test('a closed group is one box with its count, and the relations into it merge into one labelled edge', async () => {
        const model = await modelOf(services, SHOP);
        const selection = collapseGroups(model, selectView(model, 'all'), Infinity, new Set(['obs']));
        expect([...selection.collapsed!]).toEqual([['shop', 5]]);
        const merged = selection.merged!.map(m => `${m.sourceId} -> ${m.targetId} (${m.relations.length})`);
        expect(merged).toEqual(['web -> shop (1)', 'shop -> prom (1)']);
        const result = await services.Arch.diagram.DiagramGenerator.generate(model, { view: 'all', direction: 'DOWN', theme: 'light', legend: true, level: 0, expand: ['obs'] });
        const doc = parseSvg(result.svg);
        expect(groupsWithClass(doc, 'collapsed').map(g => g.getAttribute('data-id'))).toEqual(['shop']);
        // One relation merged keeps its own label; the legend explains the closed group.
        expect(result.svg).toContain('>https<');
        expect(result.svg).toContain('closed group (with its count)');
        expect(result.notice).toMatch(/^1 group is drawn closed/);
    });

    test('signal links that members of an open group send to a closed box leave from the group, as one edge; one member alone keeps its own', async () => {
        const model = await modelOf(services, arch(`
            system shop "Shop" { service orders  service payments  service stock }
            stack obs "Observability" { metrics prom  traces jaeger }
            orders ..> prom
            payments ..> prom
            stock ..> jaeger`));
        const merged = (extra: string) => collapseGroups(model, selectView(model, 'all'), Infinity, new Set([extra]))
            .merged!.map(m => `${m.sourceId} -> ${m.targetId} (${m.relations.length})`);
        expect(merged('shop')).toEqual(['shop -> obs (3)']);
        const single = await modelOf(services, arch(`
            system shop "Shop" { service orders  service payments }
            stack obs "Observability" { metrics prom }
            orders ..> prom
            orders -> payments`));
        expect(collapseGroups(single, selectView(single, 'all'), Infinity, new Set(['shop'])).merged!.map(m => `${m.sourceId} -> ${m.targetId} (${m.relations.length})`))
            .toEqual(['orders -> obs (1)']);
    });

    test('with a pane, the most detailed level that reads is chosen; a pane large enough keeps every group open', async () => {
        const model = await modelOf(services, SHOP);
        const options = { view: 'all', direction: 'DOWN', chooseDirection: true, theme: 'light', legend: false } as const;
        const roomy = await services.Arch.diagram.DiagramGenerator.generate(model, { ...options, pane: { width: 3000, height: 3000 } });
        expect(groupsWithClass(parseSvg(roomy.svg), 'collapsed')).toEqual([]);
        const small = await services.Arch.diagram.DiagramGenerator.generate(model, { ...options, pane: { width: 300, height: 300 } });
        expect(groupsWithClass(parseSvg(small.svg), 'collapsed').length).toBeGreaterThan(0);
        expect(textPxAtFit(small.width, small.height, { width: 300, height: 300 })).toBeGreaterThan(textPxAtFit(roomy.width, roomy.height, { width: 300, height: 300 }));
    });

    test('a zoomable drawing (the preview) never closes its subject: the levels stop where the render would close the shop', async () => {
        const model = await modelOf(services, SHOP);
        const selection = selectView(model, 'all');
        const closedAt = (open: ReadonlySet<string>) => [...selection.groupIds].filter(g => !open.has(g)).sort().join(' ') || '-';
        expect(candidateLevels(model, selection, [], undefined, true).map(closedAt)).toEqual(['-', 'obs', 'billing obs']);
        expect(candidateLevels(model, selection, [], 'prom', true).map(closedAt)).toEqual(['-', 'billing', 'billing shop']);
    });

    test('in a pane too small for the shop to read, the render closes it and the preview keeps it open, naming it as the subject to open on', async () => {
        const model = await modelOf(services, SHOP);
        const options = { view: 'all', direction: 'DOWN', theme: 'light', legend: false, pane: { width: 200, height: 200 } } as const;
        const closed = (svg: string) => groupsWithClass(parseSvg(svg), 'collapsed').map(g => g.getAttribute('data-id'));
        const render = await services.Arch.diagram.DiagramGenerator.generate(model, options);
        expect(closed(render.svg)).toContain('shop');
        const preview = await services.Arch.diagram.DiagramGenerator.generate(model, { ...options, zoomable: true });
        expect(closed(preview.svg)).not.toContain('shop');
        expect(preview.subject).toBe('shop');
        const atProm = await services.Arch.diagram.DiagramGenerator.generate(model, { ...options, zoomable: true, hint: 'prom' });
        expect(atProm.subject).toBe('prom');
        expect(closed(atProm.svg)).not.toContain('obs');
    });

    test('when not even the most detailed level can read on its boxes alone, the last level is laid out first and the others are judged by it', async () => {
        const model = await modelOf(services, SHOP);
        const boxesIn = (node: ElkNode): number => (node.children ?? []).reduce((n, child) => n + 1 + boxesIn(child), 0);
        // A generator whose ELK notes how many boxes each layout it runs has.
        const drawer = () => {
            const laidOut: number[] = [];
            const generator = new DiagramGenerator({
                layout: {
                    ElkFactory: () => {
                        const elk = defaultElkFactory();
                        return { ...elk, layout: ((graph: ElkNode) => { laidOut.push(boxesIn(graph)); return elk.layout(graph); }) as ELK['layout'] } as ELK;
                    },
                },
            });
            return { generator, laidOut };
        };
        const options = { view: 'all', direction: 'DOWN', theme: 'light', legend: false } as const;
        const closed = (svg: string) => groupsWithClass(parseSvg(svg), 'collapsed').map(g => g.getAttribute('data-id')).sort();
        // In a 300 px pane the boxes of the whole shop are too large to read: the level with
        // everything closed (3 boxes) is laid out first, then the one level that it says may
        // still read (the stack open: 4 boxes), which does not: the first is drawn.
        const small = drawer();
        const drawn = await small.generator.generate(model, { ...options, pane: { width: 300, height: 300 } });
        expect(small.laidOut).toEqual([3, 4]);
        expect(closed(drawn.svg)).toEqual(['obs', 'shop']);
        // A pane where the whole drawing may read starts with it, and ends there.
        const roomy = drawer();
        const whole = await roomy.generator.generate(model, { ...options, pane: { width: 3000, height: 3000 } });
        expect(roomy.laidOut).toEqual([10]);
        expect(closed(whole.svg)).toEqual([]);
    });
});
