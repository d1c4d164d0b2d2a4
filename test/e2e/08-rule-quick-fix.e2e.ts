import { expect, test } from 'vitest';
import { goTo } from './harness/editor.js';
import { openEveryGroup, previewFrame } from './harness/preview.js';
import { problemsInView, showProblems, statusBarCounts, waitForStatusBarToMatchCli } from './harness/problems.js';
import { useSession } from './harness/session.js';
import { requireLine } from './harness/source.js';
import { waitFor } from './harness/wait.js';
import { openFile, runCommand, save } from './harness/workbench.js';

// Scenario 8: a reviewer opens the SOA sample. The ESB every call crosses is reported in
// the Problems view and outlined on the diagram with the message; they apply the quick fix
// the finding offers, and the finding is gone from both.
const session = useSession('08-rule-quick-fix');

const SAMPLE = 'soa-esb.arch';
const RULE = 'esb-single-point-of-failure';
const DIAGRAM = '#viewport > svg.archsight-diagram';

test('the ESB finding shows in Problems and on the diagram, and its quick fix clears it', async () => {
    const { page, workspace } = session.current;
    const text = await session.current.read(SAMPLE);
    const esb = requireLine(text, /^\s*esb (\w+)/, 'an ESB declaration', 1);
    const esbId = esb.match[1];

    await openFile(page, SAMPLE);
    const before = await waitForStatusBarToMatchCli(page, workspace);

    await showProblems(page, SAMPLE);
    const listed = await waitFor(`the Problems view to list ${RULE} for ${SAMPLE}`, async () => {
        const problems = (await problemsInView(page, workspace.split('/').pop()!)).filter(p => p.file === SAMPLE);
        const finding = problems.find(p => p.code?.includes(RULE));
        return { ok: finding !== undefined, seen: problems.map(p => `${p.line}:${p.column} ${p.code ?? ''}`).join(', ') || 'no problems', value: finding };
    });
    expect(listed.line, 'the finding sits on the ESB declaration').toBe(esb.line);
    expect(listed.message).toMatch(/single point of failure/);

    await goTo(page, esb.line, esb.column);
    await runCommand(page, 'Archsight: Open Preview to the Side');
    const frame = await previewFrame(page);
    // The sample opens with its groups closed to read in a side pane: open them to see the ESB.
    await openEveryGroup(page, frame);
    const esbTitle = () => frame.locator(`${DIAGRAM} g.node[data-id="${esbId}"] > title`).first().textContent();
    await waitFor(`the ESB node '${esbId}' outlined as a warning with the finding's message`, async () => {
        const classes = await frame.locator(`${DIAGRAM} g.node[data-id="${esbId}"]`).first().getAttribute('class') ?? '';
        const title = await esbTitle() ?? '';
        return { ok: /finding-warning/.test(classes) && /single point of failure/.test(title), seen: `class '${classes}', title '${title}'` };
    });
    await session.current.screenshot('08-rule-quick-fix--finding');

    // The quick fix, as a person applies it: the light bulb menu at the ESB's name.
    await page.locator('.monaco-editor textarea').first().focus();
    await goTo(page, esb.line, esb.column);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: RULE }).first();
    await waitFor(`a quick fix for ${RULE} in the light bulb menu`, async () => ({
        ok: await fix.isVisible().catch(() => false),
        seen: (await page.locator('.action-widget .monaco-list-row').allInnerTexts().catch(() => [])).join(' | ') || 'no menu',
    }));
    // The menu's pointer guard swallows clicks from outside a real mouse: choose with the keys.
    await waitFor(`the ${RULE} fix focused in the menu`, async () => {
        const focused = await page.locator('.action-widget .monaco-list-row.focused').first().innerText().catch(() => '');
        if (focused.includes(RULE)) return { ok: true, seen: focused };
        await page.keyboard.press('ArrowDown');
        return { ok: false, seen: `focused '${focused}'` };
    }, { intervalMs: 100 });
    await page.keyboard.press('Enter');
    await save(page);

    await waitFor(`one warning fewer in the status bar than ${JSON.stringify(before)}`, async () => {
        const counts = await statusBarCounts(page);
        return { ok: counts.warnings === before.warnings - 1 && counts.errors === before.errors, seen: JSON.stringify(counts) };
    });
    await waitFor(`the ESB node without the ${RULE} message`, async () => {
        const title = await esbTitle() ?? '';
        return { ok: !/single point of failure/.test(title), seen: `title '${title}'` };
    });
    expect(await session.current.read(SAMPLE), 'the fix is an edit of the file the user asked for').toContain(`archsight-ignore ${RULE}`);
    await session.current.screenshot('08-rule-quick-fix--fixed');
});
