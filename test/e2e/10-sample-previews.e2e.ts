import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { drawnNodeIds, previewFrame, switchTheme, textOnScreen, type TextOnScreen } from './harness/preview.js';
import { SAMPLES } from './harness/paths.js';
import { useSession } from './harness/session.js';
import { waitFor } from './harness/wait.js';
import { openFile, runCommand } from './harness/workbench.js';

// Scenario 10: every sample's preview as it opens, in a light and a dark theme, saved as
// screenshots (test-results/e2e/10-sample-previews--<sample>--<theme>.png) for people to
// look at. It also prints how long each first preview took, from Ctrl+K V to the drawing,
// and how tall the labels are at the zoom the preview opens with (at least 9 px, issue 13),
// in the side pane and, in the light theme, with the preview maximised: whether it opened
// whole (fitted) or, larger than the pane, at readable text with its subject in view, and
// how many elements it draws one by one.
const session = useSession('10-sample-previews');

/** The size labels must be on screen at the zoom a preview opens with. */
const MIN_TEXT_PX = 9;
/**
 * Samples whose preview does not yet reach MIN_TEXT_PX, with why (issue 13 stays open for them).
 * They are held to the size they reach now, so that they cannot get worse unnoticed.
 */
const KNOWN_MISSES: Readonly<Record<string, { px: number; why: string }>> = {};
/** The least a sample's labels may be on screen: MIN_TEXT_PX, or what a known miss reaches now. */
function leastPx(sample: string): number {
    // 9 / 13 × 13 px comes back from the browser as 8.9999…
    return (KNOWN_MISSES[sample]?.px ?? MIN_TEXT_PX) - 0.01;
}
/** A window large enough for a side pane of about 800 × 1000 beside the editor. */
const WINDOW = { width: 1920, height: 1200 };

const THEMES = [['light', 'Light Modern'], ['dark', 'Dark Modern']] as const;
const SAMPLE_FILES = readdirSync(SAMPLES, { recursive: true, encoding: 'utf8' })
    .filter(f => f.endsWith('.arch')).map(f => f.split('\\').join('/')).sort();
const times: string[] = [];
const sizes: string[] = [];

afterAll(() => {
    console.log(`[10-sample-previews] first preview of each sample, Ctrl+K V to the drawn diagram:\n  ${times.join('\n  ')}`);
    console.log(`[10-sample-previews] labels on screen at the zoom the preview opens with:\n  ${sizes.join('\n  ')}`);
});

function describeText(text: TextOnScreen): string {
    const opened = text.opened === 'readable' ? `larger than the pane: opened at readable text on '${text.subject ?? 'its top left'}'${text.subjectInView === false ? ' (NOT IN VIEW)' : ''}` : `opened ${text.opened ?? '?'}`;
    return `stage ${text.stage.width}x${text.stage.height}, ${opened}, zoom ${Math.round(text.zoom * 100)} %, ${text.elements} elements drawn one by one, ${text.closedGroups} groups closed, smallest of ${text.labels} labels ${text.minLabelPx.toFixed(1)} px`;
}

/** What a person sees when the preview opens: labels that read, and, when the drawing is larger than the pane, its subject. */
function expectReadable(sample: string, where: string, text: TextOnScreen): void {
    expect(text.minLabelPx, `${sample} ${where}: ${describeText(text)}`).toBeGreaterThanOrEqual(leastPx(sample));
    if (text.opened === 'readable' && text.subject !== undefined) expect(text.subjectInView, `${sample} ${where}: ${describeText(text)}`).toBe(true);
}

/** Waits until the drawing has been replaced by a new one and the preview is no longer busy. */
async function redrawn(frame: Frame, what: string): Promise<void> {
    await waitFor(what, async () => {
        const fresh = await frame.locator('#viewport > svg.archsight-diagram:not([data-e2e-old])').count();
        const busy = await frame.locator('#stage').getAttribute('aria-busy');
        return { ok: fresh > 0 && busy === 'false', seen: fresh > 0 ? `a new drawing, aria-busy ${busy}` : 'the old drawing' };
    }, { timeoutMs: 60_000 });
}

/** Maximises the preview's editor group and hides the side bar, or puts both back. */
async function maximisePreview(page: Page, on: boolean): Promise<void> {
    if (on) await page.keyboard.press('Control+2');
    await runCommand(page, 'View: Toggle Maximize Editor Group');
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
}

test('the samples folder has the samples', async () => {
    await session.current.page.setViewportSize(WINDOW);
    expect(SAMPLE_FILES.length).toBeGreaterThan(5);
});

describe.each(THEMES)('in the %s theme', (theme, title) => {
    test.each(SAMPLE_FILES)('%s opens its preview, drawn', async sample => {
        const { page } = session.current;
        await runCommand(page, 'View: Close All Editors');
        await waitFor('no editor or preview left open', async () => {
            const open = await page.locator('.tabs-container .tab').count();
            return { ok: open === 0, seen: `${open} tab(s)` };
        });
        await openFile(page, sample);
        if (sample === SAMPLE_FILES[0]) await switchTheme(page, title);
        const started = Date.now();
        await page.keyboard.press('Control+K');
        await page.keyboard.press('V');
        const frame = await previewFrame(page, 60_000);
        await waitFor(`the preview of ${sample} to draw its diagram`, async () => {
            const nodes = (await drawnNodeIds(frame)).length;
            const placeholder = await frame.locator('#placeholder').isVisible();
            return { ok: nodes > 0 && !placeholder, seen: `${nodes} nodes, placeholder ${placeholder ? 'shown' : 'hidden'}` };
        }, { timeoutMs: 60_000 });
        // Drawn for the pane the preview reported: the server is done and the preview no longer busy.
        await waitFor(`the preview of ${sample} to finish drawing`, async () => {
            const busy = await frame.locator('#stage').getAttribute('aria-busy');
            return { ok: busy === 'false', seen: `aria-busy ${busy}` };
        }, { timeoutMs: 60_000 });
        const seen = Date.now() - started;
        // Where the time went, from the webview's performance marks (wall-clock times, as the test's).
        const marks = await frame.evaluate(() => {
            const epoch = (ms: number) => Math.round(performance.timeOrigin + ms);
            // The page's navigation entry (a browser type; these tests are typed for Node).
            const page = performance.getEntriesByType('navigation' as never)[0] as unknown as { fetchStart: number; responseEnd: number } | undefined;
            // When the extension made the page (preview-html.ts), on the same clock.
            const madeAt = (globalThis as unknown as { document: { body: { dataset: Record<string, string | undefined> } } }).document.body.dataset.madeAt;
            return {
                ...Object.fromEntries(performance.getEntriesByType('mark').filter(m => m.name.startsWith('archsight:')).map(m => [m.name.slice('archsight:'.length), epoch(m.startTime)])),
                page: Math.round(performance.timeOrigin),
                ...(madeAt ? { made: Number(madeAt) } : {}),
                ...(page ? { fetch: epoch(page.fetchStart), html: epoch(page.responseEnd) } : {}),
            } as Record<string, number>;
        });
        const at = (name: string) => (marks[name] === undefined ? '?' : `${marks[name] - started}`);
        times.push(`${sample} (${theme}): ${seen} ms seen by the test; the extension made the webview at ${at('made')} ms, its page started loading at ${at('page')} ms, asked for its HTML at ${at('fetch')}, had it at ${at('html')}, its script ran at ${at('script')}, reported its pane at ${at('ready')}, drew at ${at('diagram')}, done at ${at('idle')}`);
        const name = sample.replace(/[/.]/g, '-');
        await session.current.screenshot(`10-sample-previews--${name}--${theme}`);
        const side = await textOnScreen(frame);
        sizes.push(`${sample} (${theme}, side pane): ${describeText(side)}`);
        console.log(sizes.at(-1));
        expectReadable(sample, 'in the side pane', side);
        if (theme !== 'light') return;
        // Maximised, the pane changes its shape: the preview lays the diagram out again for it.
        await frame.locator('#viewport > svg.archsight-diagram').evaluate(svg => svg.setAttribute('data-e2e-old', ''));
        await maximisePreview(page, true);
        try {
            await redrawn(frame, `the preview of ${sample} to draw again for the maximised pane`);
            const large = await textOnScreen(frame);
            sizes.push(`${sample} (${theme}, maximised): ${describeText(large)}`);
            console.log(sizes.at(-1));
            await session.current.screenshot(`10-sample-previews--${name}--maximised`);
            expectReadable(sample, 'maximised', large);
        } finally {
            await maximisePreview(page, false);
        }
    });
});
