import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { generateModel } from '../../bench/generate-model.mjs';
import { collapseGroups, DEFAULT_MAX_ELEMENTS, levelBoxes } from '../../language-server/src/diagram/collapse.js';
import { prepareLevel } from '../../language-server/src/diagram/diagram-generator.js';
import { drawnArea } from '../../language-server/src/diagram/drawn-area.js';
import { candidateLevels } from '../../language-server/src/diagram/level-of-detail.js';
import { selectView } from '../../language-server/src/diagram/views.js';
import { createTestServices } from '../helpers/services.js';
import { boxArea, modelOf } from './diagram-helpers.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

const REPO = path.join(__dirname, '../..');
/** Files that stand alone (no imports): the samples, the evaluated systems and the benchmark's 200-element model. */
const FILES: Array<[string, string]> = [
    ...readdirSync(path.join(REPO, 'samples')).filter(f => f.endsWith('.arch')).map(f => `samples/${f}`),
    'samples/evolution/shop-outside.arch',
    ...readdirSync(path.join(REPO, 'eval')).map(d => `eval/${d}/model.arch`).filter(f => existsSync(path.join(REPO, f))),
].map(f => [f, readFileSync(path.join(REPO, f), 'utf8')] as [string, string]);
FILES.push(['generated 200 elements', generateModel(200).files['main.arch']]);

describe('the boxes of a level and their area, before its lines and its graph', () => {
    test.each(FILES)('%s: every level of detail, from the render\'s and the preview\'s lists, has the area its graph\'s boxes have', async (_name, text) => {
        const model = await modelOf(services, text);
        const base = collapseGroups(model, selectView(model, 'all'), DEFAULT_MAX_ELEMENTS);
        const levels = base.collapsed ? [undefined] : [...candidateLevels(model, base), ...candidateLevels(model, base, [], undefined, true)];
        expect(levels.length).toBeGreaterThan(0);
        for (const open of levels) {
            const level = prepareLevel(model, base, open, 'within-budget', undefined);
            const { boxes } = level.drawn();
            expect(level.area).toBeGreaterThan(0);
            expect(level.area).toBe(boxArea(boxes));
            if (!open) continue;
            // The boxes without the lines are the boxes `collapseGroups` draws.
            const full = collapseGroups(model, base, Infinity, open);
            const cheap = levelBoxes(model, base, open);
            expect([[...cheap.elementIds], [...cheap.groupIds], [...cheap.collapsed ?? []]]).toEqual([[...full.elementIds], [...full.groupIds], [...full.collapsed ?? []]]);
        }
    });

    test('a closed group counts as one box; versions, hosted databases and sidecars count once each, as their own boxes', async () => {
        const model = await modelOf(services, `
            gateway edge : envoy { sidecar edgeProxy : envoy }
            system shop "Shop" {
                service reviews : java {
                    version reviewsV1 : java
                    version reviewsV2 : java { sidecar v2Proxy : envoy }
                }
                dbserver mysql : mysql { database reviewsDb { owner reviews } }
            }
            edge -> reviewsV1
            reviews -> reviewsDb`);
        const all = selectView(model, 'all');
        const open = prepareLevel(model, all, undefined, 'within-budget', undefined);
        const drawnIds = [...open.drawn().boxes.nodes.values()].filter(n => n.type === 'element').map(n => n.id);
        expect(drawnIds.sort()).toEqual(['edge', 'edgeProxy', 'mysql', 'reviews', 'reviewsDb', 'reviewsV1', 'reviewsV2', 'v2Proxy']);
        expect(open.area).toBe(boxArea(open.drawn().boxes));
        const closed = prepareLevel(model, all, new Set(), 'within-budget', undefined);
        expect(closed.area).toBe(boxArea(closed.drawn().boxes));
        // The shop closed: the gateway, its sidecar and one box for the shop.
        expect([...closed.drawn().boxes.nodes.values()].filter(n => n.type === 'element' || n.collapsed !== undefined).map(n => n.id).sort()).toEqual(['edge', 'edgeProxy', 'shop']);
        expect(closed.area).toBeLessThan(open.area);
        expect(drawnArea(model, collapseGroups(model, all, Infinity, new Set()))).toBe(closed.area);
    });
});
