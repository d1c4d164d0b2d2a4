import { EmptyFileSystem } from 'langium';
import { clearDocuments, validationHelper } from 'langium/test';
import { afterEach, expect, test } from 'vitest';
import { collectDiagnostics } from '../../language-server/src/cli/diagnostics.js';
import { formatText } from '../../language-server/src/cli/format-text.js';
import { createArchServices } from '../../language-server/src/arch-module.js';

const services = createArchServices(EmptyFileSystem);
const validate = validationHelper(services.Arch);

afterEach(() => clearDocuments(services.shared));

const TEXT = `architecture "Shop" {
  service orders
  service payments
  orders -> paymnets
}`;

test('a reference to nothing has the code unknown-reference', async () => {
    const { diagnostics } = await validate(TEXT);
    const unknown = diagnostics.filter(d => d.code === 'unknown-reference');
    expect(unknown.map(d => `${d.range.start.line}:${d.range.start.character} ${d.message}`)).toEqual([
        "3:12 Unknown element 'paymnets'. Did you mean 'payments'?",
    ]);
    // Langium's own marker stays for the machinery that reads it.
    expect(unknown[0].data).toMatchObject({ code: 'linking-error' });
});

test('the CLI prints the code', async () => {
    const { document } = await validate(TEXT, { documentUri: 'file:///ws/shop.arch' });
    const printed = formatText(collectDiagnostics([document], '/ws'), 1);
    expect(printed).toContain("shop.arch:4:13  error  Unknown element 'paymnets'. Did you mean 'payments'?  [unknown-reference]");
});
