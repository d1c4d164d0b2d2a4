import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { beforeAll, describe, expect, test } from 'vitest';
import { createArchServices } from '../../language-server/src/arch-module.js';
import type { ArchModel } from '../../language-server/src/model/model-types.js';
import { layoutSequence } from '../../language-server/src/flows/sequence-layout.js';
import { expectNoOverlaps } from './sequence-geometry.js';

/**
 * Every sample's flows as sequence diagrams, read where the preview opens them: fitted
 * into a side pane (800 × 1000) and into a maximised editor (1350 × 800, a 1400 × 900
 * window), less the 16 px margin the preview's fit keeps. Text is 13 px at zoom 1, so it
 * reads at 13 × the fit zoom; below 9 px it cannot be read. `layout-metrics.py` measures
 * the same on a rendered SVG, without the margin.
 */

const SAMPLES = path.resolve(__dirname, '../../samples');
const PANES = { side: [800, 1000], maximised: [1350, 800] } as const;
const services = createArchServices(NodeFileSystem);
const models = new Map<string, ArchModel>();

function archFiles(dir: string): string[] {
    return readdirSync(dir).sort().flatMap(name => {
        const file = path.join(dir, name);
        return statSync(file).isDirectory() ? archFiles(file) : file.endsWith('.arch') ? [file] : [];
    });
}

beforeAll(async () => {
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const docs = archFiles(SAMPLES).map(file => {
        const doc = LangiumDocumentFactory.fromString(readFileSync(file, 'utf8'), URI.file(file));
        LangiumDocuments.addDocument(doc);
        return { file, doc };
    });
    await DocumentBuilder.build(docs.map(d => d.doc), { validation: false });
    for (const { file, doc } of docs) models.set(path.relative(SAMPLES, file).split(path.sep).join('/'), services.Arch.model.ModelProvider.getModel(doc));
});

/** The preview's fit (`fitViewport`): the whole drawing, 16 px from the pane's edges, never above 1:1. */
const textAt = (width: number, height: number, [paneW, paneH]: readonly number[]) => Math.floor(13 * Math.min((paneW - 32) / width, (paneH - 32) / height, 1) * 10) / 10;

describe('the samples\' flows as sequence diagrams', () => {
    test('every flow reads at 9 px or more in a side pane and maximised, laid out without overlaps, steps in order', async () => {
        const generator = services.Arch.diagram.DiagramGenerator;
        const figures: string[] = [];
        for (const [sample, model] of models) {
            for (const flow of model.flows.values()) {
                const result = await generator.generate(model, { view: 'all', direction: 'DOWN', theme: 'light', legend: false, flow: flow.id, as: 'sequence' });
                const side = textAt(result.width, result.height, PANES.side);
                const maximised = textAt(result.width, result.height, PANES.maximised);
                figures.push(`${sample} ${flow.id}: ${side} px side, ${maximised} px maximised`);
                expect(side, `${sample} ${flow.id} (${result.width} × ${result.height}) in a side pane`).toBeGreaterThanOrEqual(9);
                expect(maximised, `${sample} ${flow.id} (${result.width} × ${result.height}) maximised`).toBeGreaterThanOrEqual(9);
                const layout = layoutSequence(model, flow, generator.stepBudgets(model, flow));
                expectNoOverlaps(layout);
                const ys = layout.messages.map(m => m.y);
                expect(ys).toEqual([...ys].sort((a, b) => a - b));
                expect(layout.messages.filter(m => !m.answer).map(m => m.index)).toEqual(flow.steps.map((s, i) => (s.sourceId && s.targetId ? i : -1)).filter(i => i >= 0));
            }
        }
        // The shop's checkout and the photo upload are among them (their flows are the widest).
        expect(figures.some(f => f.startsWith('microservices.arch checkout'))).toBe(true);
        expect(figures.some(f => f.startsWith('faas.arch upload'))).toBe(true);
    });
});
