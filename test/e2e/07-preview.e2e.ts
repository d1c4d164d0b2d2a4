import { expect, test } from 'vitest';
import { ELEMENT_KINDS } from '../../language-server/src/model/kinds.js';
import { declarations } from './harness/declarations.js';
import { cursorPosition, goTo, type } from './harness/editor.js';
import {
    bannerTexts, clickNode, drawnNodeIds, nodeLabel, openEveryGroup, previewBackground, previewFrame, selectedIds, switchTheme,
} from './harness/preview.js';
import { useSession } from './harness/session.js';
import { requireLine } from './harness/source.js';
import { waitFor } from './harness/wait.js';
import { openFile, runCommand, waitForWorkbench } from './harness/workbench.js';

// Scenario 7: a person opens the diagram beside the file. It opens with the groups that
// would not read at its size closed; they double-click each, and it draws every element; it
// follows their typing, keeps the last good drawing while the file does not parse, takes
// them to a declaration when they click its node, shows where their cursor is, and wears
// the editor's theme.
const session = useSession('07-preview');

const SAMPLE = 'microservices.arch';
/** Typed into a label: it must be drawn as text, never become an element. */
const HOSTILE = ' </svg><img src=x onerror=alert(1)> & co';

test('the preview draws every element, follows edits, and keeps the last good diagram on a syntax error', async () => {
    const { page } = session.current;
    const text = await session.current.read(SAMPLE);
    const elements = declarations(text).filter(d => d.kind in ELEMENT_KINDS).map(d => d.id);
    expect(elements.length, 'the sample declares elements').toBeGreaterThan(5);

    await openFile(page, SAMPLE);
    await runCommand(page, 'Archsight: Open Preview to the Side');
    const frame = await previewFrame(page);
    const opened = await openEveryGroup(page, frame);
    expect(opened.length, 'the sample opens with its groups closed, to read in a side pane').toBeGreaterThan(0);
    await waitFor(`a node for each of the ${elements.length} elements of ${SAMPLE}`, async () => {
        const drawn = new Set(await drawnNodeIds(frame));
        const missing = elements.filter(id => !drawn.has(id));
        return { ok: missing.length === 0, seen: `no node for ${missing.join(', ')}` };
    });
    await session.current.screenshot('07-preview--opened');

    // Retype a label, with markup in it: the node shows it, as text, without the file being saved.
    const labelled = requireLine(text, /^\s*service (\w+) "([^"]+)"/, 'a service with a label', 2);
    const [, id, label] = labelled.match;
    await goTo(page, labelled.line, labelled.column);
    for (let i = 0; i < label.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await type(page, 'Stock');
    await page.keyboard.insertText(HOSTILE);
    const relabelled = `Stock${HOSTILE}`;
    await waitFor(`the node '${id}' to read '${relabelled}'`, async () => {
        const drawn = await nodeLabel(frame, id);
        return { ok: drawn === relabelled, seen: `its label '${drawn}'` };
    });
    expect(await frame.locator('img, #viewport script, #viewport foreignObject').count(), 'markup in a label stays text').toBe(0);

    // Break the file: the drawing stays as it was and a banner says why; undo, and it goes.
    await page.keyboard.press('End');
    await page.keyboard.insertText(' ~>');
    await waitFor('a banner about the syntax error', async () => {
        const banners = await bannerTexts(frame);
        return { ok: banners.some(b => /syntax error/.test(b)), seen: `banners ${JSON.stringify(banners)}` };
    });
    expect(await nodeLabel(frame, id), 'the last good diagram stays').toBe(relabelled);
    expect((await drawnNodeIds(frame)).length).toBe(elements.length);
    await session.current.screenshot('07-preview--syntax-error');
    await page.keyboard.press('Control+Z');
    await waitFor('the syntax error banner to go once the file parses again', async () => {
        const banners = await bannerTexts(frame);
        return { ok: !banners.some(b => /syntax error/.test(b)), seen: `banners ${JSON.stringify(banners)}` };
    });
});

test('clicking a node selects its declaration in the editor; the cursor highlights its element', async () => {
    const { page } = session.current;
    const text = await session.current.read(SAMPLE);
    const database = requireLine(text, /^\s*database (\w+)/, 'a database', 1);
    const clicked = database.match[1];

    await clickNode(page, await previewFrame(page), clicked);
    const expected = `Ln ${database.line}, Col ${database.column + clicked.length} (${clicked.length} selected)`;
    await waitFor(`the editor to select '${clicked}' in its declaration: ${expected}`, async () => {
        const at = await cursorPosition(page);
        return { ok: at === expected, seen: at ?? 'no cursor position' };
    });

    const service = requireLine(text, /^\s*service (\w+)/, 'a service', 1);
    await goTo(page, service.line, service.column + 1);
    const frame = await previewFrame(page);
    await waitFor(`the preview to highlight '${service.match[1]}', where the cursor is`, async () => {
        const selected = await selectedIds(frame);
        return { ok: selected.length === 1 && selected[0] === service.match[1], seen: `selected ${JSON.stringify(selected)}` };
    });
    await session.current.screenshot('07-preview--cursor-highlight');
});

test('the preview wears the editor theme: a dark theme darkens its background', async () => {
    const { page } = session.current;
    const luminance = ([r, g, b]: number[]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;

    await switchTheme(page, 'Light Modern');
    const frame = await previewFrame(page);
    const light = await waitFor('a light preview background in a light theme', async () => {
        const colour = await previewBackground(frame);
        return { ok: luminance(colour) > 0.7, seen: `rgb(${colour.join(', ')})`, value: colour };
    });
    await session.current.screenshot('07-preview--light');

    await switchTheme(page, 'Dark Modern');
    await waitFor(`the preview background to turn dark (it was rgb(${light.join(', ')}))`, async () => {
        const colour = await previewBackground(await previewFrame(page));
        return { ok: luminance(colour) < 0.3, seen: `rgb(${colour.join(', ')})` };
    });
    await session.current.screenshot('07-preview--dark');
});

test('the preview comes back after a window reload, with its view', async () => {
    const { page } = session.current;
    const frame = await previewFrame(page);
    await frame.locator('#view').selectOption('calls');
    await waitFor('the calls-only view', async () => {
        const banners = await bannerTexts(frame);
        return { ok: banners.some(b => b.startsWith('Calls only')), seen: `banners ${JSON.stringify(banners)}` };
    });
    const before = await drawnNodeIds(frame);

    await runCommand(page, 'Developer: Reload Window');
    await waitForWorkbench(page);
    const restored = await previewFrame(page, 60_000);
    await waitFor('the restored preview to show the calls-only view again', async () => {
        const [view, drawn] = [await restored.locator('#view').inputValue(), await drawnNodeIds(restored)];
        return { ok: view === 'calls' && drawn.join() === before.join(), seen: `view '${view}', ${drawn.length} nodes (before: ${before.length})` };
    });
    await session.current.screenshot('07-preview--reloaded');
});
