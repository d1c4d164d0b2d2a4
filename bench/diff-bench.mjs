// `archsight diff` of two 1,000-element architectures: a generated one and a later version
// of it (renames, changed replicas, removed calls, a new system), as a fresh process and in process.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateModel } from './generate-model.mjs';
import { median } from './lsp-bench.mjs';
import { mutateModel } from './mutate-model.mjs';

export async function diffBench(root, api, runs) {
    const model = generateModel(1000, { perFile: 1000 });
    const before = model.files[model.entry];
    const after = mutateModel(before);
    const dir = path.join(tmpdir(), 'archsight-bench-diff');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'before.arch'), before);
    writeFileSync(path.join(dir, 'after.arch'), after);
    const fresh = [];
    for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const r = spawnSync(process.execPath, [path.join(root, 'bin/archsight.cjs'), 'diff', 'before.arch', 'after.arch', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
        fresh.push(performance.now() - start);
        if (r.status === 2 || r.status === null) throw new Error(`diff failed: ${r.stderr}`);
    }
    await api.diffTimes(before, after); // warm-up: JIT
    const inProcess = [];
    for (let i = 0; i < runs; i++) inProcess.push(await api.diffTimes(before, after));
    const last = inProcess[inProcess.length - 1];
    return {
        freshMs: median(fresh),
        checkMs: median(inProcess.map(t => t.checkMs)),
        diffMs: median(inProcess.map(t => t.diffMs)),
        items: last.items, introduced: last.introduced, fixed: last.fixed,
    };
}
