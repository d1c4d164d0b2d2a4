import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { drawnNodeIds, previewFrame, switchTheme } from './harness/preview.js';
import { SAMPLES } from './harness/paths.js';
import { useSession } from './harness/session.js';
import { waitFor } from './harness/wait.js';
import { openFile, runCommand } from './harness/workbench.js';

// Scenario 10: every sample's preview as it opens, in a light and a dark theme, saved as
// screenshots (test-results/e2e/10-sample-previews--<sample>--<theme>.png) for people to
// look at. It also prints how long each first preview took, from Ctrl+K V to the drawing.
const session = useSession('10-sample-previews');

const THEMES = [['light', 'Light Modern'], ['dark', 'Dark Modern']] as const;
const SAMPLE_FILES = readdirSync(SAMPLES, { recursive: true, encoding: 'utf8' })
    .filter(f => f.endsWith('.arch')).map(f => f.split('\\').join('/')).sort();
const times: string[] = [];

afterAll(() => {
    console.log(`[10-sample-previews] first preview of each sample, Ctrl+K V to the drawn diagram:\n  ${times.join('\n  ')}`);
});

test('the samples folder has the samples', () => {
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
        if (theme === 'light') times.push(`${sample}: ${Date.now() - started} ms`);
        await session.current.screenshot(`10-sample-previews--${sample.replace(/[/.]/g, '-')}--${theme}`);
    });
});
