import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import AjvModule from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

let dir: string;
const write = (name: string, text: string) => writeFileSync(path.join(dir, name), text);

const SHOP = `architecture "Shop" {
  service orders
  service payments
  orders -> payments : grpc { timeout none }
}
`;
// The same finding, lines moved, and one new finding on another call.
const GROWN = `// the shop grew

architecture "Shop" {
  service shipping
  service orders
  service payments
  orders -> shipping { timeout none }
  orders -> payments : grpc { timeout none }
}
`;

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archsight-baseline-'));
    // Only the timeouts are under test here: the rules that speak of the whole shop are off.
    write('archsight.config.json', '{ "rules": { "no-observability-backend": "off", "missing-health-check": "off" } }');
    write('shop.arch', SHOP);
    expect(runCli(['check', 'shop.arch', '--write-baseline'], dir)).toMatchObject({
        code: 0, stdout: '', stderr: "archsight check: wrote 1 finding to the baseline 'archsight-baseline.json'.\n",
    });
    write('shop.arch', GROWN);
});

describe('archsight check --baseline', () => {
    test('the baseline file lists each finding by fingerprint, rule and file', () => {
        const baseline = JSON.parse(readFileSync(path.join(dir, 'archsight-baseline.json'), 'utf8'));
        expect(baseline).toMatchObject({ version: 1, tool: 'archsight' });
        expect(baseline.findings).toEqual([{ fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/), rule: 'missing-timeout', file: 'shop.arch', message: expect.stringContaining("'payments'") }]);
    });

    test('reports only what is new, however the lines moved', () => {
        const r = runCli(['check', 'shop.arch', '--baseline', 'archsight-baseline.json'], dir);
        expect(r.stdout).toMatch(/^shop\.arch:7:3 {2}warning {2}Call 'orders' → 'shipping'/);
        expect(r.stdout).not.toContain("'payments'");
        expect(r.stderr).toBe("archsight check: 1 finding of the baseline 'archsight-baseline.json' not reported.\n");
        // Only new findings count against --max-warnings.
        expect(runCli(['check', 'shop.arch', '--baseline', 'archsight-baseline.json', '--max-warnings', '1'], dir).code).toBe(0);
        expect(runCli(['check', 'shop.arch', '--baseline', 'archsight-baseline.json', '--max-warnings', '0'], dir).code).toBe(1);
    });

    test('SARIF: every result has a partialFingerprint; with a baseline, a baselineState; valid SARIF 2.1.0', () => {
        const plain = JSON.parse(runCli(['check', 'shop.arch', '--format', 'sarif'], dir).stdout);
        const results = plain.runs[0].results;
        expect(results.every((r: { partialFingerprints: Record<string, string>; baselineState?: string }) => /^[0-9a-f]{32}$/.test(r.partialFingerprints['archsightFingerprint/v1']) && r.baselineState === undefined)).toBe(true);
        const log = JSON.parse(runCli(['check', 'shop.arch', '--format', 'sarif', '--baseline', 'archsight-baseline.json'], dir).stdout);
        const states = log.runs[0].results.map((r: { message: { text: string }; baselineState: string }) => `${r.baselineState} ${/'(\w+)' has/.exec(r.message.text)?.[1]}`);
        expect(states.sort()).toEqual(['new shipping', 'unchanged payments']);
        const schema = JSON.parse(readFileSync(path.join(__dirname, 'fixtures/sarif-schema-2.1.0.json'), 'utf8'));
        const ajv = new AjvModule.default({ allErrors: true, strict: false });
        addFormatsModule.default(ajv);
        const validate = ajv.compile(schema);
        expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    });

    test('a missing or malformed baseline is a usage error, never an empty baseline', () => {
        expect(runCli(['check', 'shop.arch', '--baseline', 'gone.json'], dir)).toMatchObject({ code: 2, stderr: "archsight check: Cannot read the baseline: No such file or folder: 'gone.json'.\n" });
        write('bad.json', '{"findings": 3}');
        expect(runCli(['check', 'shop.arch', '--baseline', 'bad.json'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining("'bad.json' is not an archsight baseline") });
    });
});
