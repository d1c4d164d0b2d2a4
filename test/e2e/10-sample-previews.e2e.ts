import { readdir } from 'node:fs/promises';
import { expect, test } from 'vitest';
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

async function sampleFiles(): Promise<string[]> {
    const files = await readdir(SAMPLES, { recursive: true });
    return files.filter(f => f.endsWith('.arch')).map(f => f.split('\\').join('/')).sort();
}

test('every sample opens its preview, drawn in a light and in a dark theme', async () => {
    const { page } = session.current;
    const samples = await sampleFiles();
    expect(samples.length, 'the samples folder has .arch files').toBeGreaterThan(5);
    const times: string[] = [];
    for (const [theme, title] of THEMES) {
        for (const sample of samples) {
            await runCommand(page, 'View: Close All Editors');
            await waitFor('no preview left open', async () => {
                const open = await page.locator('.tabs-container .tab').count();
                return { ok: open === 0, seen: `${open} tab(s)` };
            });
            await openFile(page, sample);
            if (sample === samples[0]) await switchTheme(page, title);
            const started = Date.now();
            await page.keyboard.press('Control+K');
            await page.keyboard.press('V');
            const frame = await previewFrame(page, 60_000);
            await waitFor(`the preview of ${sample} to draw its diagram`, async () => {
                const nodes = (await drawnNodeIds(frame)).length;
                const placeholder = await frame.locator('#placeholder').isVisible();
                return { ok: nodes > 0 && !placeholder, seen: `${nodes} nodes, placeholder ${placeholder ? 'shown' : 'hidden'}` };
            }, { timeoutMs: 60_000 });
            const elapsed = Date.now() - started;
            if (theme === 'light') times.push(`${sample}: ${elapsed} ms`);
            await session.current.screenshot(`10-sample-previews--${sample.replace(/[/.]/g, '-')}--${theme}`);
        }
    }
    console.log(`[10-sample-previews] first preview of each sample, Ctrl+K V to the drawn diagram:\n  ${times.join('\n  ')}`);
});
