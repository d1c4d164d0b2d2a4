// The size of the extension package, and whether it holds every file the extension loads.
// Packs one with `npm run package` when there is none.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** What the extension loads at run time, as paths inside the package. */
const NEEDED = ['out/extension.cjs', 'out/language-server.cjs', 'out/elk-worker.cjs', 'out/elk.bundled.js', 'out/webview/preview.js', 'out/webview/preview.css'];

const find = root => readdirSync(root).find(f => f.endsWith('.vsix'));

export function vsixSize(root) {
    let file = find(root);
    if (!file) {
        const packed = spawnSync('npm', ['run', 'package'], { cwd: root, encoding: 'utf8' });
        file = find(root);
        if (!file) return { error: `npm run package failed: ${(packed.stderr || packed.stdout).trim().split('\n').slice(-3).join(' ')}` };
    }
    const full = path.join(root, file);
    const listing = spawnSync('unzip', ['-Z1', full], { encoding: 'utf8' });
    const entries = listing.stdout.split('\n').filter(Boolean).map(e => e.replace(/^extension\//, ''));
    return {
        file,
        built: statSync(full).mtime.toISOString(),
        kB: statSync(full).size / 1024,
        files: entries.length,
        missing: NEEDED.filter(n => !entries.includes(n)),
    };
}
