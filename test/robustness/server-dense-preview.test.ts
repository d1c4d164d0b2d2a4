import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';
// @ts-expect-error -- a plain ES module without type declarations, shared with the benchmark
import { completeGraph } from '../../bench/dense-graphs.mjs';
import { DiagramRequest, type DiagramResponse } from '../../language-server/src/protocol.js';
import { LspClient } from '../helpers/lsp-client.js';

// The preview through the real server over stdio: a dense document's diagram (30 services
// that all call each other; before, stopped after 6 s with an error, and a 3-line file's
// preview asked for meanwhile came two minutes later) is drawn, with a notice, and a small
// document asked for at the same time gets its diagram too. The test's timeout is the bound.
let client: LspClient | undefined;
afterAll(async () => {
    if (client?.alive) await client.stop();
});

test('a dense document and a small one asked for together: both are drawn', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'archsight-dense-preview-'));
    const files = { 'dense.arch': completeGraph(30) as string, 'small.arch': 'architecture "Small" {\n  client web\n  service api\n  web -> api\n}\n' };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
    ({ client } = await LspClient.start(folder));
    const uri = (name: string) => pathToFileURL(path.join(folder, name)).toString();
    for (const [name, text] of Object.entries(files)) {
        await client.open(uri(name), text);
        await client.waitForDiagnostics(uri(name), d => d.length >= 0, 60_000);
    }
    const ask = (name: string) => client!.connection.sendRequest(DiagramRequest.type, { uri: uri(name), view: 'all', direction: 'RIGHT', theme: 'vscode', legend: true }) as Promise<DiagramResponse>;
    const [dense, small] = await Promise.all([ask('dense.arch'), ask('small.arch')]);
    expect(small.error).toBeUndefined();
    expect(small.diagram?.items.filter(item => item.type === 'element')).toHaveLength(2);
    expect(dense.error).toBeUndefined();
    expect(dense.diagram?.notice).toMatch(/too densely connected to lay out in seconds: (\d+ of its 870 relations are|its layout was stopped)/);
    expect(dense.diagram?.items.filter(item => item.type === 'element')).toHaveLength(30);
}, 60_000);
