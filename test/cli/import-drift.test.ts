import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { tracesText } from '../../bench/generate-traces.mjs';
import { REPO, runCli } from '../helpers/cli.js';

const FIXTURES = path.join(REPO, 'test/import/fixtures');
let dir: string;

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archsight-import-cli-'));
    copyFileSync(path.join(FIXTURES, 'robot-shop/docker-compose.yaml'), path.join(dir, 'docker-compose.yaml'));
    writeFileSync(path.join(dir, 'traces.json'), tracesText({ traces: 50, format: 'jaeger' }));
    writeFileSync(path.join(dir, 'not-compose.yml'), 'just: text\n');
    writeFileSync(path.join(dir, 'existing.arch'), 'keep me');
});

describe('archsight import', () => {
    test('writes a formatted model that archsight check reads without errors, and says what it wrote', () => {
        const r = runCli(['import', 'docker-compose.yaml', 'traces.json', '-o', 'shop.arch'], dir);
        expect([r.code, r.stdout]).toEqual([0, '']);
        // 12 compose services and 8 traced elements, shipping in both; 12 depends_on and 7 traced calls.
        expect(r.stderr).toBe('Imported 19 elements and 19 relations into shop.arch.\n');
        const text = readFileSync(path.join(dir, 'shop.arch'), 'utf8');
        expect(text).toMatch(/^\/\/ Imported by `archsight import`\./);
        expect(text).toContain('architecture "shop" {');
        const check = runCli(['check', 'shop.arch', '--format', 'json'], dir);
        expect(check.code).toBe(0);
        expect(JSON.parse(check.stdout)[0].errorCount).toBe(0);
    });

    test('an env_file that cannot be read is a warning on standard error; the model is written all the same', () => {
        writeFileSync(path.join(dir, 'env-compose.yml'), 'services:\n  web:\n    image: nginx\n    env_file: web.env\n');
        const r = runCli(['import', 'env-compose.yml', '-o', 'env.arch'], dir);
        expect(r.code).toBe(0);
        expect(r.stderr).toBe("archsight import: warning: env-compose.yml: services.web: env_file 'web.env' is not read (there is no such file); its variables are left out.\n"
            + 'Imported 1 element and 0 relations into env.arch.\n');
    });

    test('without -o the model goes to standard output; - reads manifests from standard input', () => {
        expect(runCli(['import', 'docker-compose.yaml'], dir).stdout).toContain('  service cart : rs-cart { health "/health" }\n');
        const piped = spawnSync(process.execPath, [path.join(REPO, 'bin/archsight.cjs'), 'import', '-', '--title', 'From helm'], {
            cwd: dir, encoding: 'utf8', input: readFileSync(path.join(FIXTURES, 'istio/httpbin/httpbin.yaml'), 'utf8'),
        });
        expect(piped.status).toBe(0);
        expect(piped.stdout).toContain('architecture "From helm" {');
        expect(piped.stdout).toContain('service httpbin : go-httpbin {');
    });

    test('a source that is not what it claims, a missing file or an existing output: one line, exit 2, nothing written', () => {
        expect(runCli(['import', 'not-compose.yml'], dir)).toEqual({ code: 2, stdout: '', stderr: "archsight import: 'not-compose.yml' is not a docker-compose file: it has no 'services'.\n" });
        expect(runCli(['import', 'missing.yaml'], dir)).toEqual({ code: 2, stdout: '', stderr: "archsight import: No such file or folder: 'missing.yaml'.\n" });
        expect(runCli(['import', 'docker-compose.yaml', '-o', 'existing.arch'], dir).stderr).toBe("archsight import: 'existing.arch' already exists; use --force to overwrite it.\n");
        expect(readFileSync(path.join(dir, 'existing.arch'), 'utf8')).toBe('keep me');
        expect(runCli(['import'], dir).code).toBe(2);
    });
});

describe('archsight drift', () => {
    beforeAll(() => {
        writeFileSync(path.join(dir, 'model.arch'), 'architecture "Shop" {\n  service frontend\n  service orders\n  frontend -> orders : http { timeout 10ms }\n}\n');
    });

    test('prints drift as diagnostics on the model; warnings only: exit 0', () => {
        const r = runCli(['drift', 'model.arch', '--against', 'traces.json'], dir);
        expect(r.code).toBe(0);
        expect(r.stdout).toContain("model.arch:1:1  warning  service 'payments' runs (traces.json: service payments) but is not in the model.  [drift-undeclared-element]");
        expect(r.stdout).toMatch(/model\.arch:4:3 {2}warning {2}frontend -> orders: traces show p99 \d+ms, above its timeout of 10ms\. {2}\[drift-latency-over-timeout\]/);
        expect(runCli(['drift', 'model.arch', '--against', 'traces.json', '--max-warnings', '0'], dir).code).toBe(1);
    });

    test('JSON, SARIF and GitHub annotations, as check writes them', () => {
        const json = JSON.parse(runCli(['drift', 'model.arch', '--against', 'traces.json', '--format', 'json'], dir).stdout);
        expect(json[0].warningCount).toBeGreaterThan(3);
        const sarif = JSON.parse(runCli(['drift', 'model.arch', '--against', 'traces.json', '--format', 'sarif'], dir).stdout);
        expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain('drift-undeclared-element');
        expect(runCli(['drift', 'model.arch', '--against', 'traces.json', '--format', 'github'], dir).stdout).toMatch(/^::warning file=model\.arch,line=1,/m);
    });

    test('--diagram draws the model with the calls that run undeclared dashed; an existing file is kept without --force', () => {
        writeFileSync(path.join(dir, 'partial.arch'), 'architecture "Shop" {\n  service frontend\n  service orders\n  service payments\n}\n');
        const r = runCli(['drift', 'partial.arch', '--against', 'traces.json', '--diagram', 'drift.svg'], dir);
        expect(r.code).toBe(0);
        const svg = readFileSync(path.join(dir, 'drift.svg'), 'utf8');
        expect(svg).toMatch(/<g class="edge rel-sync change-undeclared" data-id="undeclared:frontend-&gt;orders" data-source="frontend" data-target="orders">/);
        expect(svg).toMatch(/<g class="edge rel-sync change-undeclared" data-id="undeclared:orders-&gt;payments"/);
        expect(svg).toContain('runs, but not in the model (drift)');
        const again = runCli(['drift', 'partial.arch', '--against', 'traces.json', '--diagram', 'drift.svg'], dir);
        expect([again.code, again.stderr]).toEqual([2, "archsight drift: 'drift.svg' already exists; use --force to overwrite it.\n"]);
        expect(runCli(['drift', 'partial.arch', '--against', 'traces.json', '--diagram', 'drift.svg', '--force', '--theme', 'dark'], dir).code).toBe(0);
    });

    test('a model with errors exits 1; no sources or a bad source exits 2', () => {
        writeFileSync(path.join(dir, 'broken.arch'), 'architecture "B" {\n  a -> nowhere\n}\n');
        expect(runCli(['drift', 'broken.arch', '--against', 'traces.json'], dir).code).toBe(1);
        expect(runCli(['drift', 'model.arch'], dir)).toEqual({ code: 2, stdout: '', stderr: 'archsight drift: No sources given. Try: archsight drift system.arch --against docker-compose.yml\n' });
        expect(runCli(['drift', 'model.arch', '--against', 'not-compose.yml'], dir).code).toBe(2);
    });

    test('round trip: import, then drift against the same sources, finds nothing', () => {
        runCli(['import', 'docker-compose.yaml', 'traces.json', '-o', 'round.arch', '--force'], dir);
        expect(runCli(['drift', 'round.arch', '--against', 'docker-compose.yaml', 'traces.json'], dir)).toMatchObject({ code: 0, stdout: '✓ 1 file checked, no problems.\n' });
    });
});
