import type { Element } from '@xmldom/xmldom';
import { NodeFileSystem } from 'langium/node';
import { beforeAll, describe, expect, test } from 'vitest';
import { createArchServices } from '../../language-server/src/arch-module.js';
import type { DiagramResult } from '../../language-server/src/diagram/diagram-types.js';
import { MIN_TEXT_PX, textPxAtFit } from '../../language-server/src/diagram/level-of-detail.js';
import { findingsAndPaths } from '../../language-server/src/lsp/diagram-findings.js';
import { elementsOf, parseSvg } from '../diagram/diagram-helpers.js';
import { loadSamples, sampleFiles } from './sample-model.js';

/**
 * Issue 13's targets, on the drawing `archsight render` makes of every sample with its
 * defaults (a side pane of 800 × 1000 CSS px, the direction and level of detail chosen for
 * it): labels at least 9 px tall when the drawing is fitted into the pane, an aspect of at
 * most 2.5 : 1, and no label cut with "…" without its full text in a tooltip.
 */
const SIDE_PANE = { width: 800, height: 1000 };
const services = createArchServices(NodeFileSystem).Arch;

describe('every sample reads at a glance when rendered with the defaults', async () => {
    const files = await sampleFiles();
    const drawn = new Map<string, DiagramResult>();

    beforeAll(async () => {
        const { documents, modelOf } = await loadSamples();
        for (const file of files) {
            const model = modelOf(file);
            const document = documents.get(file)!;
            const { findings, paths } = findingsAndPaths(model, document.uri.toString(), document.diagnostics ?? []);
            drawn.set(file, await services.diagram.DiagramGenerator.generate(model, {
                view: 'all', direction: 'DOWN', chooseDirection: true, pane: SIDE_PANE, theme: 'light', legend: true, findings, findingPaths: paths,
            }));
        }
    }, 600_000);

    test.each(files)('%s', file => {
        const result = drawn.get(file)!;
        expect(textPxAtFit(result.width, result.height, SIDE_PANE), `${result.width}×${result.height}`).toBeGreaterThanOrEqual(MIN_TEXT_PX);
        expect(Math.max(result.width / result.height, result.height / result.width)).toBeLessThanOrEqual(2.5);
        const doc = parseSvg(result.svg);
        for (const text of elementsOf(doc, 'text').filter(t => t.textContent?.includes('…'))) {
            // The <g> of the node, group or edge that holds the text has the full text as its <title>.
            // (The document's own <title> names the architecture: it does not count.)
            let holder = text.parentNode as Element | null;
            const titleOf = (e: Element) => Array.from(e.childNodes).find(c => (c as Element).tagName === 'title') as Element | undefined;
            while (holder && holder.tagName !== 'svg' && !titleOf(holder)) holder = holder.parentNode as Element | null;
            expect(holder?.tagName, `"${text.textContent}" has no tooltip`).not.toBe('svg');
            expect(titleOf(holder!)!.textContent).toContain(text.textContent!.replace('…', '').trim());
        }
    });
});
