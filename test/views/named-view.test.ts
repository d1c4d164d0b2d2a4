import { readFileSync } from 'node:fs';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { selectNamedView } from '../../language-server/src/views/named-view.js';
import { createTestServices } from '../helpers/services.js';
import { modelOf } from '../diagram/diagram-helpers.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

const SHOP = readFileSync(new URL('./fixtures/shop-views.arch', import.meta.url), 'utf8');

async function select(name: string) {
    const model = await modelOf(services, SHOP);
    const selection = selectNamedView(model, model.views.get(name)!);
    return {
        elements: [...selection.elementIds].sort(),
        groups: [...selection.groupIds].sort(),
        relations: selection.relations.map(r => r.id),
    };
}

describe('views declared in the file', () => {
    test('group wildcards and callers, less what carries an excluded tag', async () => {
        expect(await select('money')).toEqual({
            elements: ['orders', 'pay', 'payDb'],
            groups: ['ordering', 'payments'],
            relations: ['orders->pay', 'pay->payDb'],
        });
    });

    test('neighbours both ways', async () => {
        expect(await select('around')).toEqual({
            elements: ['edge', 'events', 'orders', 'ordersDb', 'pay', 'prom'],
            groups: ['ordering', 'payments'],
            relations: ['edge->orders', 'orders->pay', 'orders->ordersDb', 'orders~>events', 'orders..>prom', 'pay..>prom'],
        });
    });

    test('a kind filter draws those elements in their groups, and no relations between them', async () => {
        expect(await select('stores')).toEqual({ elements: ['ordersDb', 'payDb'], groups: ['ordering', 'payments'], relations: [] });
    });

    test('a concern keeps its relations and the elements they join', async () => {
        expect(await select('messages')).toEqual({
            elements: ['events', 'orders', 'shipping'], groups: ['ordering'], relations: ['orders~>events', 'events~>shipping'],
        });
    });

    test('excluding a concern from everything drops its relations and back ends', async () => {
        const quiet = await select('quiet');
        expect(quiet.elements).not.toContain('prom');
        expect(quiet.relations).not.toContain('orders..>prom');
        expect(quiet.relations).toContain('orders~>events');
        expect(quiet.elements).toHaveLength(9);
    });

    test('a tag selects tagged groups with their members and tagged relations with their ends', async () => {
        expect(await select('pci')).toEqual({
            elements: ['audit', 'orders', 'pay', 'payDb'],
            groups: ['ordering', 'payments'],
            relations: ['orders->pay', 'pay->payDb', 'pay->audit'],
        });
    });

    test('the view keeps its direction and title', async () => {
        const model = await modelOf(services, SHOP);
        expect(model.views.get('money')).toMatchObject({ direction: 'RIGHT', title: 'Where the money goes', label: 'Money' });
    });

    test('a version or a hosted database brings what it is drawn inside, as the overview draws it', async () => {
        const model = await modelOf(services, `architecture "T" {
  service reviews : java {
    version reviewsV1 : java { replicas 3 }
  }
  dbserver mysql : mysql {
    database reviewsDb { owner reviews }
  }
  reviewsV1 -> reviewsDb
  view data { include reviewsDb, reviewsV1 }
}`);
        const selection = selectNamedView(model, model.views.get('data')!);
        expect([...selection.elementIds].sort()).toEqual(['mysql', 'reviews', 'reviewsDb', 'reviewsV1']);
        expect(selection.relations.map(r => r.id)).toEqual(['reviewsV1->reviewsDb']);
    });
});
