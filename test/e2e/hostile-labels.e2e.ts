import { writeFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { drawnNodeIds, nodeLabel, previewFrame } from './harness/preview.js';
import { useSession } from './harness/session.js';
import { waitFor } from './harness/wait.js';
import { openFile, runCommand } from './harness/workbench.js';

// Scenario: a file with hostile labels — markup, a CDATA end, bidi marks, emoji, a very
// long word — opened in the real preview. Every label is drawn as text: no element of
// theirs appears in the webview, no script of theirs runs (no dialog opens).
const session = useSession('hostile-labels');

const LABELS: Record<string, string> = {
    script: '<script>alert(1)</script>',
    img: '"><img src=x onerror=alert(1)>',
    svg: '</svg><svg onload=alert(1)>',
    cdata: ']]><![CDATA[',
    bidi: 'admin\u202etxt.exe\u202c',
    emoji: '🚀 launch 👩‍💻',
    long: 'W'.repeat(400),
};
const FILE = 'hostile-labels.arch';

function quote(text: string): string {
    return `"${text.replace(/[\\"]/g, c => `\\${c}`)}"`;
}

test('hostile labels are drawn as text in the live preview and run nothing', async () => {
    const { page } = session.current;
    const dialogs: string[] = [];
    page.on('dialog', dialog => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
    });
    const body = Object.entries(LABELS).map(([id, label]) => `  service ${id} ${quote(label)} : ${quote(label)}`).join('\n');
    const chain = Object.keys(LABELS).map((id, i, ids) => (i > 0 ? `  ${ids[i - 1]} -> ${id} ${quote(LABELS[id])} { timeout 1s breaker }` : '')).join('\n');
    await writeFile(session.current.path(FILE), `architecture ${quote(LABELS.script)} {\n${body}\n${chain}\n}\n`);

    await openFile(page, FILE);
    await runCommand(page, 'Archsight: Open Preview to the Side');
    const frame = await previewFrame(page);
    await waitFor(`a node for each of the ${Object.keys(LABELS).length} services`, async () => {
        const drawn = await drawnNodeIds(frame);
        return { ok: drawn.length === Object.keys(LABELS).length, seen: `nodes ${JSON.stringify(drawn)}` };
    });
    await session.current.screenshot('hostile-labels--preview');

    for (const [id, label] of Object.entries(LABELS)) {
        const drawn = await nodeLabel(frame, id);
        if (id === 'long') {
            expect(drawn.replace(/\s/g, ''), 'a long word wraps and ends in an ellipsis').toMatch(/^W+…$/);
        } else {
            // Lines break at spaces and inside words too long for a line.
            expect(drawn.replace(/\s/g, ''), `the label of '${id}' is its text`).toBe(label.replace(/\s/g, ''));
        }
    }
    const injected = await frame.locator('#viewport img, #viewport script, #viewport foreignObject, #viewport iframe, #viewport svg svg').count();
    expect(injected, 'no element from a label').toBe(0);
    // Typed structurally: the test program has no DOM library.
    const handlers = await frame.locator('#viewport *').evaluateAll((nodes: Array<{ nodeName: string; attributes: ArrayLike<{ name: string }> }>) =>
        nodes.flatMap(n => Array.from(n.attributes).filter(a => /^on/i.test(a.name)).map(a => `${n.nodeName}@${a.name}`)));
    expect(handlers, 'no event handler attribute').toEqual([]);
    expect(dialogs, 'no script from a label ran').toEqual([]);
});
