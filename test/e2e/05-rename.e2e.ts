import { readdir } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { goTo, type } from './harness/editor.js';
import { waitForStatusBarToMatchCli } from './harness/problems.js';
import { useSession } from './harness/session.js';
import { countWord, requireLine } from './harness/source.js';
import { waitFor } from './harness/wait.js';
import { openFile, saveAll } from './harness/workbench.js';

// Scenario 5: a person renames an element where it is declared (F2). Every reference
// follows, also in the files that import the declaring file and are not open.
const session = useSession('05-rename');

const FOLDER = 'evolution';
const DECLARING = `${FOLDER}/shop-outside.arch`;
const OLD = 'psp';
const NEW = 'paymentProvider';

async function references(word: string): Promise<Record<string, number>> {
    const files = (await readdir(session.current.path(FOLDER))).filter(f => f.endsWith('.arch')).sort();
    const counts: Record<string, number> = {};
    for (const file of files) counts[`${FOLDER}/${file}`] = countWord(await session.current.read(`${FOLDER}/${file}`), word);
    return counts;
}

test('rename (F2) at the declaration changes every reference, also in importing files', async () => {
    const { page, workspace } = session.current;
    const before = await references(OLD);
    const importers = Object.keys(before).filter(f => f !== DECLARING && before[f] > 0);
    expect(importers.length, `files other than ${DECLARING} that use '${OLD}'`).toBeGreaterThan(0);
    const declaration = requireLine(await session.current.read(DECLARING), new RegExp(`^\\s*\\w+ (${OLD})\\b`), `the declaration of '${OLD}'`, 1);

    await openFile(page, DECLARING);
    await waitForStatusBarToMatchCli(page, workspace);
    await goTo(page, declaration.line, declaration.column);
    await page.keyboard.press('F2');
    const input = page.locator('.rename-box input, .rename-box textarea').first();
    // The box takes the keyboard only once the language server has said the name can be renamed.
    await waitFor(`the rename box to open with '${OLD}' and take the keyboard`, async () => {
        const visible = await input.isVisible();
        const state = visible ? await input.evaluate(e => ({ value: e.value as string, focused: e === e.ownerDocument.activeElement })) : undefined;
        return { ok: state?.value === OLD && state.focused, seen: state ? `value '${state.value}', ${state.focused ? '' : 'not '}focused` : 'no rename box' };
    });
    await page.keyboard.press('Control+A');
    await type(page, NEW);
    await page.keyboard.press('Enter');
    await waitFor('the rename box to close', async () => ({ ok: !(await input.isVisible()), seen: 'it is still open' }));
    await saveAll(page);

    const expected = Object.fromEntries(Object.entries(before).map(([file]) => [file, 0]));
    await waitFor(`no '${OLD}' left in ${FOLDER}/`, async () => {
        const left = await references(OLD);
        return { ok: JSON.stringify(left) === JSON.stringify(expected), seen: JSON.stringify(left) };
    });
    expect(await references(NEW), `'${NEW}' where '${OLD}' was`).toEqual(before);
});
