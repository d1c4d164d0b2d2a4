import type { Frame, Page } from 'playwright-core';
import { waitFor } from './wait.js';

/** The preview's drawing: the SVG the webview shows. */
const DIAGRAM = '#viewport > svg.archsight-diagram';

/**
 * The frame of the diagram preview. A webview's page lives in an iframe inside another
 * iframe; the preview's is the one that has our stage and a drawing in it.
 */
export async function previewFrame(page: Page, timeoutMs = 30_000): Promise<Frame> {
    return waitFor('the preview to show a diagram', async () => {
        for (const frame of page.frames()) {
            const found = await frame.locator(DIAGRAM).count().catch(() => 0);
            if (found > 0) return { ok: true, seen: 'a diagram', value: frame };
        }
        return { ok: false, seen: `no diagram in any of ${page.frames().length} frames` };
    }, { timeoutMs });
}

/** The data-id of every element the drawing has a node for, sorted. */
export async function drawnNodeIds(frame: Frame): Promise<string[]> {
    const ids = await frame.locator(`${DIAGRAM} g.node[data-id]`).evaluateAll(nodes => nodes.map(n => n.getAttribute('data-id') ?? ''));
    return ids.sort();
}

/** The label of a node as drawn: its lines (long labels wrap) joined by spaces. */
export async function nodeLabel(frame: Frame, id: string): Promise<string> {
    // SVG text has no innerText; its text content is what is drawn.
    const lines = await frame.locator(`${DIAGRAM} g.node[data-id="${id}"] text.label`).allTextContents();
    return lines.join(' ');
}

/** The ids the preview marks as selected (by a click or the editor's cursor). */
export async function selectedIds(frame: Frame): Promise<string[]> {
    return frame.locator(`${DIAGRAM} .selected[data-id]`).evaluateAll(nodes => nodes.map(n => n.getAttribute('data-id') ?? ''));
}

export async function bannerTexts(frame: Frame): Promise<string[]> {
    return frame.locator('#banners .banner').allInnerTexts();
}

/**
 * Clicks a node where a person would, in the middle of its shape. The mouse goes to the
 * page, not to the element: Playwright's element click refuses targets inside webviews.
 */
export async function clickNode(page: Page, frame: Frame, id: string): Promise<void> {
    await showOnStage(page, frame, `${DIAGRAM} g.node[data-id="${id}"] .shape`);
    const box = await frame.locator(`${DIAGRAM} g.node[data-id="${id}"] .shape`).first().boundingBox();
    if (!box) throw new Error(`The preview has no node '${id}' on screen.`);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * A drawing larger than the pane opens in part (at readable text, on its subject): what is
 * out of view is brought in as a person does, with the toolbar's Fit.
 */
async function showOnStage(page: Page, frame: Frame, selector: string): Promise<void> {
    const inside = async () => {
        const [stage, box] = [await frame.locator('#stage').boundingBox(), await frame.locator(selector).first().boundingBox()];
        return !!stage && !!box && box.x >= stage.x && box.y >= stage.y && box.x + box.width <= stage.x + stage.width && box.y + box.height <= stage.y + stage.height;
    };
    if (await inside()) return;
    const fit = await frame.locator('#fit').boundingBox();
    if (!fit) throw new Error('The preview has no Fit button on screen.');
    await page.mouse.click(fit.x + fit.width / 2, fit.y + fit.height / 2);
    await waitFor(`'${selector}' on the stage after Fit`, async () => ({ ok: await inside(), seen: 'still out of view' }));
}

/** The preview page's background colour as [r, g, b]. */
export async function previewBackground(frame: Frame): Promise<[number, number, number]> {
    const colour = await frame.locator('body').evaluate(body => body.ownerDocument.defaultView?.getComputedStyle(body).backgroundColor ?? '');
    const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).map(Number);
    return [r, g, b];
}

/** Switches the colour theme with the theme picker (Ctrl+K Ctrl+T), from the editor. */
export async function switchTheme(page: Page, theme: string): Promise<void> {
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+T');
    await waitFor('the colour theme picker to open', async () => ({
        ok: await page.locator('.quick-input-widget .quick-input-box input').isVisible(),
        seen: 'it is closed',
    }));
    await page.keyboard.type(theme);
    await waitFor(`the theme picker to offer '${theme}' first`, async () => {
        const label = await page.locator('.quick-input-list .monaco-list-row.focused').first().getAttribute('aria-label').catch(() => null);
        return { ok: label?.includes(theme) === true, seen: label ? `first theme '${label}'` : 'no themes' };
    });
    await page.keyboard.press('Enter');
}

/** How large the drawing's labels are on screen, at the zoom the preview shows now. */
export interface TextOnScreen {
    /** The preview's zoom, as its toolbar shows it (0.36 for 36 %). */
    readonly zoom: number;
    /** The smallest height, in CSS pixels, of an element's or group's label (font size × the scale it is drawn at). */
    readonly minLabelPx: number;
    readonly labels: number;
    /** The stage's size in CSS pixels. */
    readonly stage: { readonly width: number; readonly height: number };
    /** How the drawing opened: whole (`fitted`) or at readable text with its subject in view (`readable`). */
    readonly opened?: string;
    /** How many elements are drawn one by one (a node each), and how many groups closed. */
    readonly elements: number;
    readonly closedGroups: number;
    /** What the drawing opened on, and whether all of it is on the stage (undefined without a subject). */
    readonly subject?: string;
    readonly subjectInView?: boolean;
}

export async function textOnScreen(frame: Frame): Promise<TextOnScreen> {
    return frame.locator('#stage').evaluate(stage => {
        // The test program has no DOM library: the window's members are reached through the stage.
        const view = stage.ownerDocument.defaultView as unknown as {
            getComputedStyle(e: unknown): { fontSize: string; transform: string };
            DOMMatrixReadOnly: new (init: string) => { a: number };
        };
        const labels = [...stage.querySelectorAll('svg.archsight-diagram .node .label, svg.archsight-diagram .group-label')] as unknown as { getScreenCTM(): { a: number; b: number } | null }[];
        let min = Infinity;
        for (const label of labels) {
            const matrix = label.getScreenCTM();
            const size = parseFloat(view.getComputedStyle(label).fontSize);
            if (matrix && Number.isFinite(size)) min = Math.min(min, size * Math.hypot(matrix.a, matrix.b));
        }
        const transform = view.getComputedStyle(stage.querySelector('#viewport')!).transform;
        const zoom = transform === 'none' ? 1 : new view.DOMMatrixReadOnly(transform).a;
        const subject = (stage as unknown as { dataset: Record<string, string | undefined> }).dataset.subject;
        const rect = (e: unknown) => (e as { getBoundingClientRect(): { left: number; top: number; right: number; bottom: number } }).getBoundingClientRect();
        const item = subject !== undefined ? [...stage.querySelectorAll('svg.archsight-diagram [data-id]')].find(e => e.getAttribute('data-id') === subject) : undefined;
        const on = rect(stage);
        const box = item ? rect(item) : undefined;
        // Its top left corner and as much of it as the stage holds: a subject larger than the stage shows its start.
        const subjectInView = box ? box.left >= on.left - 1 && box.top >= on.top - 1 && (box.right <= on.right + 1 || box.left <= on.left + 40) && (box.bottom <= on.bottom + 1 || box.top <= on.top + 40) : undefined;
        return {
            zoom, minLabelPx: min, labels: labels.length, stage: { width: stage.clientWidth, height: stage.clientHeight },
            opened: (stage as unknown as { dataset: Record<string, string | undefined> }).dataset.opened,
            elements: stage.querySelectorAll('svg.archsight-diagram g.node[data-id]').length,
            closedGroups: stage.querySelectorAll('svg.archsight-diagram g.group.collapsed[data-id]').length,
            subject, subjectInView,
        };
    });
}

/**
 * Opens every group the preview drew closed, as a person does: a double-click on each closed
 * group's box, then waiting for the drawing for it. Returns the groups opened, in order.
 */
export async function openEveryGroup(page: Page, frame: Frame, limit = 20): Promise<string[]> {
    const opened: string[] = [];
    for (let i = 0; i < limit; i++) {
        const closed = frame.locator(`${DIAGRAM} g.group.collapsed[data-id]`);
        if (await closed.count() === 0) return opened;
        const id = (await closed.first().getAttribute('data-id'))!;
        await showOnStage(page, frame, `${DIAGRAM} g.group.collapsed[data-id="${id}"]`);
        const box = await closed.first().boundingBox();
        if (!box) throw new Error(`The preview's closed group '${id}' is not on screen.`);
        await page.mouse.dblclick(box.x + Math.min(40, box.width / 2), box.y + Math.min(20, box.height / 2));
        await waitFor(`the group '${id}' to be drawn open after a double-click`, async () => {
            const still = await frame.locator(`${DIAGRAM} g.group.collapsed[data-id="${id}"]`).count();
            const busy = await frame.locator('#stage').getAttribute('aria-busy');
            return { ok: still === 0 && busy === 'false', seen: still > 0 ? 'still closed' : `aria-busy ${busy}` };
        }, { timeoutMs: 30_000 });
        opened.push(id);
    }
    throw new Error(`The preview still drew closed groups after opening ${limit}: ${opened.join(', ')}.`);
}
