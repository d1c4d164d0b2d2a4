import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';

// `archsight check --cache` (check-memo.ts): an unchanged run's report is printed again
// without checking. To tell a replay from a run, the tests mark the kept report: a run that
// prints the mark was replayed, one that does not has checked the files again.
let dir: string;
const DATA = 'architecture "Data" {\n  database ordersDb\n}\n';
const SHOP = 'import "./data.arch"\n\narchitecture "Shop" {\n  client web\n  service orders : go\n  web -> orders\n  orders -> ordersDb\n}\n';
const MARK = 'REPLAYED FROM THE CACHE\n';

beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archsight-check-cache-'));
    mkdirSync(path.join(dir, 'arch'));
    writeFileSync(path.join(dir, 'arch', 'data.arch'), DATA);
    writeFileSync(path.join(dir, 'arch', 'shop.arch'), SHOP);
});

const check = (args: readonly string[], env: NodeJS.ProcessEnv = {}) => runCli(['check', ...args], dir, { NO_COLOR: undefined, FORCE_COLOR: undefined, ...env });
/** The reports `--cache` kept in `folder`. */
const kept = (folder = '.archsight-cache') => (existsSync(path.join(dir, folder, 'checks')) ? readdirSync(path.join(dir, folder, 'checks')) : []);
/** Marks every kept report, so that a replay shows. */
function mark(folder = '.archsight-cache'): void {
    for (const name of kept(folder)) {
        const file = path.join(dir, folder, 'checks', name);
        const memo = JSON.parse(readFileSync(file, 'utf8'));
        memo.output.text = MARK + memo.output.text;
        writeFileSync(file, JSON.stringify(memo));
    }
}
const replayed = (r: CliResult) => r.stdout.startsWith(MARK);

describe('archsight check --cache', () => {
    test('an unchanged run prints the kept report again, with its exit code, and is the report of a run without the cache', () => {
        const uncached = check(['arch/shop.arch', '--format', 'json']);
        const first = check(['arch/shop.arch', '--format', 'json', '--cache']);
        expect(first).toEqual(uncached);
        expect(kept()).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.json$/)]);
        mark();
        const again = check(['arch/shop.arch', '--format', 'json', '--cache']);
        expect(again).toEqual({ ...first, stdout: MARK + first.stdout });
        // Other options are another report.
        const text = check(['arch/shop.arch', '--cache']);
        expect(replayed(text)).toBe(false);
        expect(text.stdout).toBe(check(['arch/shop.arch']).stdout);
        expect(kept()).toHaveLength(2);
    });

    test('errors and too many warnings are kept with exit code 1 and their message', () => {
        writeFileSync(path.join(dir, 'arch', 'broken.arch'), 'architecture "Broken" {\n  service a\n  a -> nowhere\n}\n');
        const broken = check(['arch/broken.arch', '--cache']);
        expect(broken.code).toBe(1);
        const strict = check(['arch/shop.arch', '--max-warnings', '0', '--cache']);
        expect(strict.code).toBe(1);
        expect(strict.stderr).toMatch(/^archsight check: \d+ warnings?, more than --max-warnings 0\.\n$/);
        mark();
        const brokenAgain = check(['arch/broken.arch', '--cache']);
        expect(brokenAgain).toEqual({ ...broken, stdout: MARK + broken.stdout });
        expect(check(['arch/shop.arch', '--max-warnings', '0', '--cache'])).toEqual({ ...strict, stdout: MARK + strict.stdout });
    });

    test('a changed import, a config file that appears above the files, or a changed --config or --baseline file: checked again', () => {
        const first = check(['arch/shop.arch', '--cache']);
        expect(first.stdout).toContain('missing-health-check');
        mark();
        writeFileSync(path.join(dir, 'arch', 'data.arch'), DATA.replace('  database ordersDb\n', '  database ordersDb\n  queue events : kafka\n'));
        const changed = check(['arch/shop.arch', '--cache']);
        expect(replayed(changed)).toBe(false);
        expect(changed.stdout).toBe(check(['arch/shop.arch']).stdout);
        mark();
        writeFileSync(path.join(dir, 'archsight.config.json'), '{ "rules": { "missing-health-check": "off" } }');
        const configured = check(['arch/shop.arch', '--cache']);
        expect(replayed(configured)).toBe(false);
        expect(configured.stdout).not.toContain('missing-health-check');
        rmSync(path.join(dir, 'archsight.config.json'));

        writeFileSync(path.join(dir, 'rules.json'), '{ "rules": { "missing-health-check": "off" } }');
        expect(check(['arch/shop.arch', '--config', 'rules.json', '--cache']).stdout).not.toContain('missing-health-check');
        mark();
        writeFileSync(path.join(dir, 'rules.json'), '{ "rules": { "missing-health-check": "error" } }');
        const reconfigured = check(['arch/shop.arch', '--config', 'rules.json', '--cache']);
        expect([replayed(reconfigured), reconfigured.code]).toEqual([false, 1]);

        expect(check(['arch/shop.arch', '--write-baseline', '--baseline', 'base.json']).code).toBe(0);
        const baselined = check(['arch/shop.arch', '--baseline', 'base.json', '--cache']);
        expect(baselined.stderr).toMatch(/of the baseline 'base\.json' not reported/);
        mark();
        expect(replayed(check(['arch/shop.arch', '--baseline', 'base.json', '--cache']))).toBe(true);
        writeFileSync(path.join(dir, 'base.json'), JSON.stringify({ ...JSON.parse(readFileSync(path.join(dir, 'base.json'), 'utf8')), findings: [] }));
        const rebaselined = check(['arch/shop.arch', '--baseline', 'base.json', '--cache']);
        expect(replayed(rebaselined)).toBe(false);
        expect(rebaselined.stdout).toBe(check(['arch/shop.arch', '--baseline', 'base.json']).stdout);
    });

    test('a folder that holds another file now, or an import that was missing and is now there: checked again', () => {
        const folder = check(['arch', '--cache']);
        expect(folder.stdout).toContain('2 files');
        mark();
        expect(replayed(check(['arch', '--cache']))).toBe(true);
        writeFileSync(path.join(dir, 'arch', 'more.arch'), 'architecture "More" {\n  service extra : go\n}\n');
        const more = check(['arch', '--cache']);
        expect(replayed(more)).toBe(false);
        expect(more.stdout).toBe(check(['arch']).stdout);
        expect(more.stdout).toContain('3 files');

        rmSync(path.join(dir, 'arch', 'data.arch'));
        const missing = check(['arch/shop.arch', '--cache']);
        expect(missing.code).toBe(1);
        mark();
        writeFileSync(path.join(dir, 'arch', 'data.arch'), DATA);
        const found = check(['arch/shop.arch', '--cache']);
        expect(replayed(found)).toBe(false);
        expect(found).toEqual(check(['arch/shop.arch']));
    });

    test('a report written with -o is written again; a coloured report is another report', () => {
        const first = check(['arch/shop.arch', '-o', 'out/report.txt', '--cache-location', 'kept']);
        expect([first.code, first.stdout]).toEqual([0, '']);
        const report = readFileSync(path.join(dir, 'out', 'report.txt'), 'utf8');
        rmSync(path.join(dir, 'out'), { recursive: true });
        mark('kept');
        const again = check(['arch/shop.arch', '-o', 'out/report.txt', '--cache-location', 'kept']);
        expect([again.code, again.stdout, readFileSync(path.join(dir, 'out', 'report.txt'), 'utf8')]).toEqual([0, '', MARK + report]);

        const plain = check(['arch/shop.arch', '--cache']);
        mark();
        const coloured = check(['arch/shop.arch', '--cache'], { FORCE_COLOR: '1' });
        expect(replayed(coloured)).toBe(false);
        expect(coloured.stdout).toContain('\u001b[');
        expect(plain.stdout).not.toContain('\u001b[');
        mark();
        expect(replayed(check(['arch/shop.arch', '--cache'], { FORCE_COLOR: '1' }))).toBe(true);
    });

    test('runs that read standard input or write files are never kept; a cache location that is a file is refused', () => {
        expect(runCli(['check', '--stdin', '--stdin-filename', 'arch/x.arch', '--cache'], dir, {}, DATA).code).toBe(0);
        expect(check(['arch/shop.arch', '--fix-dry-run', '--cache']).code).toBe(0);
        expect(check(['arch/shop.arch', '--write-baseline', '--cache']).code).toBe(0);
        expect(kept()).toEqual([]);

        writeFileSync(path.join(dir, 'taken'), 'a file');
        const refused = check(['arch/shop.arch', '--cache-location', 'taken']);
        expect([refused.code, refused.stdout]).toEqual([2, '']);
        expect(refused.stderr).toBe("archsight check: The cache location 'taken' is a file; give a folder (default: .archsight-cache).\n");
    });

    test('a damaged kept report is checked anew and replaced', () => {
        const good = check(['arch/shop.arch', '--cache']);
        for (const name of kept()) writeFileSync(path.join(dir, '.archsight-cache', 'checks', name), '{"key":');
        expect(check(['arch/shop.arch', '--cache'])).toEqual(good);
        for (const name of kept()) expect(JSON.parse(readFileSync(path.join(dir, '.archsight-cache', 'checks', name), 'utf8')).output.text).toBe(good.stdout);
    });
});
