// The first preview of each sample, through the real language server: the time from
// opening the file to the diagram's answer (the preview asked at once), and from the
// preview's request to the answer when the user first looked at the file for 2 s, without and
// with the pane of an earlier preview (which the extension keeps). Each run starts a fresh server, as a new editor window does. The
// webview's own start (about half a second in code-server) is not in these figures: the
// end-to-end scenario 10 prints the whole time from Ctrl+K V.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './lsp-bench.mjs';
import { startServer } from './lsp-session.mjs';

const now = () => performance.now();
/**
 * What a new preview asks for (FIRST_PREVIEW in language-server/src/protocol.ts), with the
 * pane a side pane reports in a 1920 × 1200 window (stage 786 × 1050 less the fit margins
 * and the room for the notice, extension/webview/pane-size.ts): the level of detail and
 * the direction are chosen for it.
 */
const FIRST = { view: 'all', direction: 'DOWN', legend: true, pane: { width: 754, height: 978 }, level: 'auto', chooseDirection: true };

export function sampleFiles(samplesDir) {
    return readdirSync(samplesDir, { recursive: true }).filter(f => f.endsWith('.arch')).sort();
}

export async function firstPreview(serverPath, samplesDir, runs) {
    const rows = {};
    for (const sample of sampleFiles(samplesDir)) {
        const file = path.join(samplesDir, sample);
        const text = readFileSync(file, 'utf8');
        const atOpen = [];
        const afterLooking = [];
        const paneKnown = [];
        for (let i = 0; i < runs; i++) {
            atOpen.push(await timed(serverPath, file, text, 0));
            afterLooking.push(await timed(serverPath, file, text, LOOK_MS));
            paneKnown.push(await timed(serverPath, file, text, LOOK_MS, { previewPane: FIRST.pane }));
        }
        rows[sample] = { atOpenMs: median(atOpen), afterLookingMs: median(afterLooking), paneKnownMs: median(paneKnown) };
    }
    return rows;
}

/** How long a user looks at a file before opening its preview, in the second figure. */
const LOOK_MS = 2_000;

/** `initializationOptions`: what the extension tells a new server, such as the pane of the last preview (`previewPane`). */
async function timed(serverPath, file, text, lookMs, initializationOptions) {
    const server = await startServer(serverPath, { initializationOptions });
    try {
        const uri = pathToFileURL(file).toString();
        const start = now();
        const opened = server.open(file, text);
        if (lookMs > 0) await Promise.all([opened, new Promise(resolve => setTimeout(resolve, lookMs))]);
        const asked = now();
        const answer = await server.diagram(uri, FIRST);
        if (!answer.diagram) throw new Error(`No diagram for ${file}: ${answer.error ?? answer.message ?? 'no reason given'}`);
        await opened;
        return now() - (lookMs > 0 ? asked : start);
    } finally {
        await server.stop();
    }
}
