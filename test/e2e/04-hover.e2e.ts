import { expect, test } from 'vitest';
import { goTo, hoverAtCursor } from './harness/editor.js';
import { waitForStatusBarToMatchCli } from './harness/problems.js';
import { useSession } from './harness/session.js';
import { requireLine } from './harness/source.js';
import { openFile } from './harness/workbench.js';

// Scenario 4: a person rests on an id in a relation and reads what it is: its kind, label
// and the description its author wrote where it is declared.
const session = useSession('04-hover');

const SAMPLE = 'microservices.arch';

test('hover on a referenced element shows its kind, label and description', async () => {
    const { page, workspace } = session.current;
    const text = await session.current.read(SAMPLE);
    const lines = text.split('\n');
    // The first element with a label and a description, found from the description upwards.
    const description = requireLine(text, /^\s*description "([^"]+)"/, 'an element with a description');
    const header = lines.slice(0, description.line - 1).reverse().find(line => /^\s*\w[\w-]* \w+ "[^"]+"/.test(line))!;
    const [, kind, id, label] = /^\s*(\w[\w-]*) (\w+) "([^"]+)"/.exec(header)!;
    const reference = requireLine(text, new RegExp(`^\\s*\\w+ (?:->|~>|\\.\\.>) (${id})\\b`), `a relation to '${id}'`, 1);

    await openFile(page, SAMPLE);
    await waitForStatusBarToMatchCli(page, workspace);
    await goTo(page, reference.line, reference.column + 1);
    const hover = await hoverAtCursor(page, t => t.includes(description.match[1]), `the description of '${id}': "${description.match[1]}"`);

    expect(hover).toContain(`${kind} ${id}`);
    expect(hover).toContain(label);
});
