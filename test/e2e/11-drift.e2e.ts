import { basename, join } from 'node:path';
import { expect, test } from 'vitest';
import { pickInFileDialog } from './harness/file-dialog.js';
import { previewFrame } from './harness/preview.js';
import { problemsInView, showProblems } from './harness/problems.js';
import { useSession } from './harness/session.js';
import { waitFor } from './harness/wait.js';
import { openFile, waitForWorkbench } from './harness/workbench.js';
import { FIXTURES_FOLDER } from './harness/workspace.js';

// Scenario 11: a team has a model of Robot Shop and the docker-compose file that runs it.
// They run "Archsight: Check Drift…" on the model, pick the compose file, and see where the
// two part ways: in the Problems view, and on the diagram, where the calls that run but
// that the model does not declare are drawn dashed.
const session = useSession('11-drift');

const MODEL = `${FIXTURES_FOLDER}/drift/robot-shop.arch`;
const COMPOSE = `${FIXTURES_FOLDER}/import/docker-compose.yaml`;
// Drawn edges only: the legend's swatch carries the class too.
const UNDECLARED = '#viewport > svg.archsight-diagram g.edges g.edge.change-undeclared';

test('Check Drift… lists the differences in the Problems view and draws the undeclared calls dashed on the preview', async () => {
    const { page, workspace } = session.current;
    await waitForWorkbench(page);
    await openFile(page, MODEL);
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await page.keyboard.type('Archsight: Check Drift');
    await waitFor('the Command Palette to offer Check Drift…', async () => {
        const labels = await page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts();
        return { ok: labels.some(l => l.includes('Check Drift')), seen: `commands ${labels.join(', ') || 'none'}` };
    }, { timeoutMs: 30_000 });
    await page.keyboard.press('Enter');
    // The palette's input becomes the browser workbench's file dialog once the command runs.
    await waitFor('Check Drift… to show the file dialog', async () => {
        const value = await input.inputValue().catch(() => '');
        return { ok: value.startsWith('/'), seen: `input '${value}'` };
    }, { timeoutMs: 45_000 });
    await pickInFileDialog(page, join(workspace, COMPOSE));

    // The preview opens beside the model and draws the calls the compose file shows and the model lacks.
    const frame = await previewFrame(page, 60_000);
    const drawn = await waitFor('the preview to draw undeclared calls', async () => {
        const edges = await frame.locator(UNDECLARED).evaluateAll(nodes => nodes.map(n => `${n.getAttribute('data-source')} -> ${n.getAttribute('data-target')}`));
        return { ok: edges.includes('cart -> redis'), seen: `undeclared edges: ${edges.join(', ') || 'none'}`, value: edges.sort() };
    }, { timeoutMs: 60_000 });
    expect(drawn).toEqual(['cart -> redis', 'dispatch -> rabbitmq', 'ratings -> mysql']);
    // Dashed (and, by its class, in the colour of a warning).
    const dash = await frame.locator(`${UNDECLARED} .edge-line`).first().evaluate(line => line.ownerDocument.defaultView?.getComputedStyle(line).strokeDasharray ?? '');
    expect(dash).not.toMatch(/^(none|)$/);
    const legend = await frame.locator('#viewport > svg.archsight-diagram .legend-text').allTextContents();
    expect(legend).toContain('runs, but not in the model (drift)');
    await session.current.screenshot('11-drift--diagram');

    await showProblems(page, 'robot-shop.arch');
    const problems = await waitFor('the drift findings in the Problems view', async () => {
        const listed = await problemsInView(page, basename(workspace));
        const drift = listed.filter(p => p.code?.startsWith('drift-'));
        return { ok: drift.some(p => p.message.startsWith('cart -> redis happens')), seen: `${drift.length} drift problems`, value: drift };
    }, { timeoutMs: 30_000 });
    expect(problems.find(p => p.message.startsWith('cart -> redis happens'))).toMatchObject({ severity: 'warning', line: 7, code: 'drift-undeclared-call' });
    await session.current.screenshot('11-drift--problems');
});
