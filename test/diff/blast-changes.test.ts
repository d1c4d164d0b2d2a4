import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { arch, createTestServices } from '../helpers/services.js';
import { diffTexts } from './diff-helpers.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

const BASE = arch(`
  service web : node
  service orders : go
  service payments : java
  web -> orders { timeout 1s }
  orders -> payments { timeout 1s breaker }
`);

describe('blast radius changes', () => {
    test('removing a breaker makes the callee take its callers down', async () => {
        const diff = await diffTexts(services, BASE, BASE.replace('{ timeout 1s breaker }', '{ timeout 1s }'));
        expect(diff.blastRadius).toEqual([{ id: 'payments', before: 0, after: 2, joined: ['orders', 'web'], left: [] }]);
    });

    test('adding one shrinks it; unchanged radii are not listed', async () => {
        const diff = await diffTexts(services, BASE, BASE.replace('web -> orders { timeout 1s }', 'web -> orders { timeout 1s breaker }'));
        expect(diff.blastRadius).toEqual([{ id: 'orders', before: 1, after: 0, joined: [], left: ['web'] }]);
    });

    test('a rename is followed, not reported as a change of radius', async () => {
        const diff = await diffTexts(services, BASE, BASE.replace(/\bweb\b/g, 'shop'));
        expect(diff.blastRadius).toEqual([]);
    });
});
