import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { DiagramView } from '../../language-server/src/diagram/diagram-types.js';
import { selectView } from '../../language-server/src/diagram/views.js';
import { arch, createTestServices } from '../helpers/services.js';
import { groupsWithClass, modelOf, parseSvg } from './diagram-helpers.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

const SHOP = arch(`
    client web
    gateway edge
    system shop {
        service orders { sidecar ordersProxy : envoy }
        service shipping
        database ordersDb
    }
    bus events
    metrics prom
    logs elastic
    stack obs { dashboard grafana }
    web -> edge
    edge -> orders
    orders -> ordersDb
    orders ~> events
    events ~> shipping
    ordersProxy ..> prom
    shipping ..> elastic
    grafana -> prom`);

async function select(view: DiagramView, focus?: string) {
    const selection = selectView(await modelOf(services, SHOP), view, focus);
    return {
        elements: [...selection.elementIds].sort(),
        groups: [...selection.groupIds].sort(),
        relations: selection.relations.map(r => r.id),
        notice: selection.notice,
    };
}

describe('views', () => {
    test('everything: all elements, groups and relations, and no notice', async () => {
        const all = await select('all');
        expect(all.elements).toHaveLength(10);
        expect(all.groups).toEqual(['obs', 'shop']);
        expect(all.relations).toHaveLength(8);
        expect(all.notice).toBeUndefined();
    });

    test('calls only: synchronous relations and what they join; sidecars stay docked to their hosts', async () => {
        expect(await select('calls')).toEqual({
            elements: ['edge', 'grafana', 'orders', 'ordersDb', 'ordersProxy', 'prom', 'web'],
            groups: ['obs', 'shop'],
            relations: ['web->edge', 'edge->orders', 'orders->ordersDb', 'grafana->prom'],
            notice: 'Calls only: 7 of 10 elements, 4 of 8 relations.',
        });
    });

    test('messaging only: messages and triggers, and every bus and queue', async () => {
        expect(await select('messaging')).toEqual({
            elements: ['events', 'orders', 'ordersProxy', 'shipping'],
            groups: ['shop'],
            relations: ['orders~>events', 'events~>shipping'],
            notice: 'Messaging only: 4 of 10 elements, 2 of 8 relations.',
        });
    });

    test('observability only: signals, the back ends and helpers, and the workloads that emit them', async () => {
        const view = await select('observability');
        expect(view.elements).toEqual(['elastic', 'grafana', 'orders', 'ordersProxy', 'prom', 'shipping']);
        expect(view.relations).toEqual(['ordersProxy..>prom', 'shipping..>elastic']);
        expect(view.groups).toEqual(['obs', 'shop']);
    });

    test('focus: an element, its neighbours and the relations that touch it', async () => {
        expect(await select('all', 'orders')).toEqual({
            elements: ['edge', 'events', 'orders', 'ordersDb', 'ordersProxy', 'prom'],
            groups: ['shop'],
            relations: ['edge->orders', 'orders->ordersDb', 'orders~>events', 'ordersProxy..>prom'],
            notice: "Focus on 'orders' and its neighbours: 6 of 10 elements, 4 of 8 relations.",
        });
    });

    test('focus on a group keeps what it holds and what that talks to', async () => {
        const view = await select('all', 'shop');
        expect(view.elements).toEqual(['edge', 'elastic', 'events', 'orders', 'ordersDb', 'ordersProxy', 'prom', 'shipping']);
        expect(view.relations).not.toContain('web->edge');
    });

    test('focus combines with a view', async () => {
        const view = await select('calls', 'orders');
        expect(view.relations).toEqual(['edge->orders', 'orders->ordersDb']);
        expect(view.notice).toBe("Calls only, focus on 'orders' and its neighbours: 4 of 10 elements, 2 of 8 relations.");
    });

    test('an unknown focus shows the whole view and says so', async () => {
        const view = await select('all', 'nosuch');
        expect(view.elements).toHaveLength(10);
        expect(view.notice).toBe("There is no element or group 'nosuch' to focus on; showing the whole view.");
    });

    test('a relation between a group and its own member, or a service and its sidecar, is left out, with a notice', async () => {
        const model = await modelOf(services, arch('system s { service a }\na -> s\nservice b { sidecar p }\na -> b\np -> b'));
        const selection = selectView(model, 'all');
        expect(selection.relations.map(r => r.id)).toEqual(['a->b']);
        expect(selection.notice).toBe('2 relations between a group and its own members, or a service and its sidecars, are not drawn.');
    });

    test('the drawn SVG follows the view', async () => {
        const model = await modelOf(services, SHOP);
        const result = await services.Arch.diagram.DiagramGenerator.generate(model, { view: 'messaging', direction: 'RIGHT', theme: 'light', legend: false });
        const doc = parseSvg(result.svg);
        expect(groupsWithClass(doc, 'node').map(n => n.getAttribute('data-id')).sort()).toEqual(['events', 'orders', 'ordersProxy', 'shipping']);
        expect(groupsWithClass(doc, 'edge').map(n => n.getAttribute('data-id'))).toEqual(['orders~>events', 'events~>shipping']);
        expect(result.notice).toBe('Messaging only: 4 of 10 elements, 2 of 8 relations.');
    });
});
