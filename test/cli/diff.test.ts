import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { beforeAll, describe, expect, test } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';

let dir: string;
const write = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
};
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });

const V1 = `architecture "Shop" {
  gateway edge : kong
  service orders "Order Service" : go { replicas 2 }
  service payments "Payment Service" : java
  edge -> orders : rest { timeout 2s }
  orders -> payments : grpc { timeout 500ms }
}
`;
// payments renamed to billing, a timeout dropped (a new warning), a cache added.
const V2 = `architecture "Shop" {
  gateway edge : kong
  service orders "Order Service" : go { replicas 3 }
  service billing "Payment Service" : java
  cache sessions : redis
  edge -> orders : rest { timeout 2s }
  orders -> billing : grpc { timeout none }
  orders -> sessions { timeout 50ms }
}
`;
// A cycle of calls: an error.
const V3 = V2.replace('  orders -> sessions { timeout 50ms }\n', '  orders -> sessions { timeout 50ms }\n  billing -> orders { timeout 1s }\n');

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archsight-diff-'));
    write('v1/shop.arch', V1);
    write('v2/shop.arch', V2);
    write('v3/shop.arch', V3);
    write('hostile/shop.arch', V1.replace('"Order Service"', '"<b>|**x**|</b> \u001b[31m"').replace('gateway edge : kong', 'gateway edge "a | b <script>" : kong'));
    // A repository whose architecture is split over two files, one importing the other.
    write('repo/architecture/shop.arch', 'import "./outside.arch"\n' + V1.replace('  edge -> orders', '  web -> edge { timeout 5s }\n  edge -> orders'));
    write('repo/architecture/outside.arch', 'client web "Web shop" : browser\n');
    write('repo/README.md', 'x\n');
});

describe('archsight diff of files and folders', () => {
    test('text: a summary, the changes with before and after, the new findings; exit 0 for warnings', () => {
        const r = runCli(['diff', 'v1/shop.arch', 'v2/shop.arch'], dir);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('archsight diff v1/shop.arch → v2/shop.arch\n  2 added, 1 renamed, 2 changed; findings: 1 introduced (1 warning), 0 fixed\n');
        expect(r.stdout).toContain('~ service orders "Order Service": replicas 2 → 3  (v2/shop.arch:3)');
        expect(r.stdout).toContain('~ service billing "Payment Service": renamed from payments  (v2/shop.arch:4)');
        expect(r.stdout).toContain('+ cache sessions  (v2/shop.arch:5)');
        expect(r.stdout).toMatch(/~ orders -> billing : grpc: timeout 500ms → \S+ {2}\(v2\/shop\.arch:7\)/);
        expect(r.stdout).toMatch(/Findings introduced\n {2}v2\/shop\.arch:7:? {2}warning {2}Call 'orders' → 'billing'.*\[missing-timeout\]/);
    });

    test('folders compare the architectures they hold', () => {
        const r = runCli(['diff', 'v1', 'v2', '--format', 'json'], dir);
        const diff = JSON.parse(r.stdout);
        expect(diff.summary).toMatchObject({ added: 2, removed: 0, renamed: 1, changed: 2, introduced: 1, fixed: 0 });
        expect(diff.items.find((i: { id: string }) => i.id === 'billing')).toMatchObject({ type: 'element', changes: ['renamed'], oldId: 'payments', place: { file: 'v2/shop.arch', line: 4 } });
        expect(diff.items.find((i: { id: string }) => i.id === 'orders')).toMatchObject({ properties: [{ name: 'replicas', before: 2, after: 3 }] });
    });

    test('exit 1 when the change introduces an error; --max-new-warnings fails on warnings', () => {
        const error = runCli(['diff', 'v2/shop.arch', 'v3/shop.arch'], dir);
        expect(error.code).toBe(1);
        expect(error.stderr).toBe('archsight diff: the change introduces 1 error.\n');
        expect(error.stdout).toMatch(/Findings introduced\n {2}v3\/shop\.arch:\d+ {2}error .*\[sync-cycle\]/);
        const warnings = runCli(['diff', 'v1/shop.arch', 'v2/shop.arch', '--max-new-warnings', '0'], dir);
        expect(warnings.code).toBe(1);
        expect(warnings.stderr).toBe('archsight diff: the change introduces 1 warning, more than --max-new-warnings 0.\n');
        expect(runCli(['diff', 'v1/shop.arch', 'v2/shop.arch', '--max-new-warnings', '1'], dir).code).toBe(0);
        // The other way round the change fixes them.
        const fixing = runCli(['diff', 'v3/shop.arch', 'v1/shop.arch', '--format', 'json'], dir);
        expect(fixing.code).toBe(0);
        expect(JSON.parse(fixing.stdout).fixed.map((f: { rule: string }) => f.rule).sort()).toEqual(['missing-timeout', 'sync-cycle']);
    });

    test('markdown for a pull request: summary, new findings first, folded tables', () => {
        const r = runCli(['diff', 'v1/shop.arch', 'v3/shop.arch', '--format', 'markdown'], dir);
        const md = r.stdout;
        expect(md.split('\n')[0]).toBe('### ❌ Architecture review: v1/shop.arch → v3/shop.arch');
        const newFindings = md.indexOf('new findings**');
        expect(newFindings).toBeGreaterThan(0);
        expect(newFindings).toBeLessThan(md.indexOf('<details>'));
        expect(md).toContain('| ❌ error |');
        expect(md).toMatch(/<details>\n<summary>Elements \(3\)<\/summary>\n\n\| change \| item \| details \| where \|/);
        expect(md).toContain('| renamed | service billing "Payment Service" | renamed from payments | v3/shop.arch:4 |');
    });

    test('markdown and text escape what the files hold', () => {
        const md = runCli(['diff', 'v1/shop.arch', 'hostile/shop.arch', '--format', 'markdown'], dir).stdout;
        expect(md).not.toContain('<b>');
        expect(md).not.toContain('<script>');
        expect(md).toContain('&lt;b&gt;\\|\\*\\*x\\*\\*\\|&lt;/b&gt;');
        // Every table row keeps its four cells.
        for (const row of md.split('\n').filter(l => l.startsWith('| ') && l.includes('Order'))) {
            expect(row.replace(/\\\|/g, '').split('|').length - 2).toBe(4);
        }
        const text = runCli(['diff', 'v1/shop.arch', 'hostile/shop.arch'], dir).stdout;
        expect(text).not.toContain('\u001b');
        expect(text).toContain('\\u001b[31m');
    });

    test('svg: the new model with added, removed and changed marks and a legend', () => {
        const r = runCli(['diff', 'v2/shop.arch', 'v1/shop.arch', '--format', 'svg'], dir);
        expect(r.code).toBe(0);
        const doc = new DOMParser().parseFromString(r.stdout, 'image/svg+xml');
        const groups = Array.from(doc.getElementsByTagName('g'));
        const marked = (change: string) => groups.filter(g => (g.getAttribute('class') ?? '').split(' ').includes(`change-${change}`) && !(g.getAttribute('class') ?? '').includes('legend'))
            .map(g => g.getAttribute('data-id')).filter(Boolean).sort();
        // v2 → v1: sessions and its call removed (drawn where they were), billing renamed back, orders changed.
        expect(marked('removed')).toEqual(['removed:orders->sessions', 'sessions']);
        expect(marked('changed')).toEqual(['orders', 'orders->payments', 'payments']);
        expect(marked('added')).toEqual([]);
        const legend = groups.find(g => g.getAttribute('class') === 'legend')!;
        expect(legend.textContent).toContain('added');
        expect(legend.textContent).toContain('removed (where it was)');
        expect(legend.textContent).toContain('changed, renamed or moved');
    });

    test('html: the diagram and the change list, escaped, no script', () => {
        const r = runCli(['diff', 'v1/shop.arch', 'hostile/shop.arch', '--format', 'html'], dir);
        expect(r.stdout).toMatch(/^<!DOCTYPE html>/);
        expect(r.stdout).toContain('<svg');
        expect(r.stdout).toContain('<h2>Changes (');
        expect(r.stdout).not.toMatch(/<script/i);
        expect(r.stdout).toContain('&lt;script&gt;');
    });

    test('-o writes a file and does not overwrite one without --force', () => {
        expect(runCli(['diff', 'v1', 'v2', '--format', 'svg', '-o', 'out.svg'], dir).code).toBe(0);
        expect(readFileSync(path.join(dir, 'out.svg'), 'utf8')).toMatch(/^<svg/);
        const again = runCli(['diff', 'v1', 'v2', '--format', 'svg', '-o', 'out.svg'], dir);
        expect(again.code).toBe(2);
        expect(again.stderr).toBe("archsight diff: 'out.svg' already exists; use --force to overwrite it.\n");
    });

    test('usage errors: one line and exit 2', () => {
        expect(runCli(['diff'], dir)).toMatchObject({ code: 2, stderr: 'archsight diff: Nothing to compare. Try: archsight diff <old> <new>\n' });
        expect(runCli(['diff', 'v1/shop.arch', 'nowhere'], dir)).toMatchObject({ code: 2, stderr: "archsight diff: 'nowhere' is neither a file or folder nor a git revision (not in a git repository).\n" });
        expect(runCli(['diff', 'v1', 'v2', '--format', 'pdf'], dir)).toMatchObject({ code: 2, stderr: "archsight diff: Unknown format 'pdf'; use one of text, json, markdown, svg, html.\n" });
    });
});

describe('the evolution sample', () => {
    test('each step of the shop diffs cleanly against the one before', () => {
        const steps = ['1-monolith', '2-soa', '3-microservices', '4-mesh', '5-faas'];
        const evolution = path.join(REPO, 'samples/evolution');
        for (let i = 1; i < steps.length; i++) {
            const r = runCli(['diff', `${steps[i - 1]}.arch`, `${steps[i]}.arch`, '--format', 'json'], evolution);
            expect({ step: steps[i], code: r.code, stderr: r.stderr }).toEqual({ step: steps[i], code: 0, stderr: '' });
            const diff = JSON.parse(r.stdout);
            expect(diff.summary.introducedErrors).toBe(0);
            expect(diff.items.length).toBeGreaterThan(0);
            if (steps[i] === '4-mesh') {
                // The mesh's mTLS fixes the plain-text calls between the services.
                expect(diff.fixed.filter((f: { rule: string }) => f.rule === 'unencrypted-traffic')).toHaveLength(7);
                expect(diff.items.find((c: { id: string }) => c.id === 'orders')).toMatchObject({ changes: ['moved', 'changed'], groupBefore: 'shop', groupAfter: 'istio' });
            }
        }
    });
});

describe('archsight diff of git revisions', () => {
    beforeAll(() => {
        dir = path.join(dir, 'repo');
        git('init', '-q', '-b', 'main');
        git('add', '.');
        git('commit', '-q', '-m', 'v1');
        write('architecture/shop.arch', readFileSync(path.join(dir, 'architecture/shop.arch'), 'utf8').replace('orders -> payments : grpc { timeout 500ms }', 'orders -> payments : grpc { timeout none }'));
        git('commit', '-q', '-am', 'v2: no timeout');
        // The working tree renames payments; nothing is committed.
        write('architecture/shop.arch', readFileSync(path.join(dir, 'architecture/shop.arch'), 'utf8').replace(/\bpayments\b/g, 'billing'));
    });

    test('two revisions, limited to a folder, read from git (imports too), not from the working tree', () => {
        const r = runCli(['diff', 'HEAD~1', 'HEAD', '--', 'architecture/'], dir);
        expect(r.stderr).toBe('');
        expect(r.stdout).toContain('archsight diff HEAD~1 → HEAD\n  1 changed; findings: 1 introduced (1 warning), 0 fixed\n');
        expect(r.stdout).toMatch(/~ orders -> payments : grpc: timeout 500ms → \S+ {2}\(architecture\/shop\.arch:/);
        expect(r.stdout).not.toContain('billing');
    });

    test('one revision is compared with the working tree', () => {
        const r = runCli(['diff', 'main', '--format', 'json'], dir);
        const diff = JSON.parse(r.stdout);
        expect(diff.before).toBe('main');
        expect(diff.after).toBe('working tree');
        expect(diff.items.map((i: { id: string; changes: string[] }) => `${i.id} ${i.changes.join('+')}`)).toEqual(['billing renamed']);
        expect(diff.introduced).toEqual([]);
    });

    test('a revision from a subfolder, and one that does not exist', () => {
        const sub = runCli(['diff', 'HEAD~1', 'HEAD'], path.join(dir, 'architecture'));
        expect(sub.stdout).toContain('1 changed;');
        const bad = runCli(['diff', 'no-such-branch', 'HEAD'], dir);
        expect(bad).toMatchObject({ code: 2, stderr: "archsight diff: 'no-such-branch' is neither a file or folder nor a git revision.\n" });
        const option = runCli(['diff', '--', 'HEAD'], dir);
        expect(option.code).toBe(2);
    });

    test('revisions with no .arch file where the paths say: a usage error that names the old side', () => {
        const r = runCli(['diff', 'HEAD~1', 'HEAD', '--', 'no-such-folder/'], dir);
        expect(r).toMatchObject({ code: 2, stderr: "archsight diff: No .arch files at 'HEAD~1' in no-such-folder/.\n" });
    });
});


describe('archsight diff of git revisions with their own configuration', () => {
    let repo: string;
    const inRepo = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    const put = (name: string, text: string) => {
        mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
        writeFileSync(path.join(repo, name), text);
    };
    const SHOP = V1.replace('orders -> payments : grpc { timeout 500ms }', 'orders -> payments : grpc { timeout none }');

    beforeAll(() => {
        repo = mkdtempSync(path.join(tmpdir(), 'archsight-diff-config-'));
        inRepo('init', '-q', '-b', 'main');
        // The first revision turns missing-timeout off in a config beside the architecture.
        put('arch/shop.arch', SHOP);
        put('arch/archsight.config.json', '{ "rules": { "missing-timeout": "off" } }');
        inRepo('add', '.');
        inRepo('commit', '-q', '-m', 'v1: missing-timeout off');
        // The second drops that config; the architecture is the same.
        inRepo('rm', '-q', 'arch/archsight.config.json');
        inRepo('commit', '-q', '-m', 'v2: defaults');
        // The working tree (not committed) makes it an error.
        put('arch/archsight.config.json', '{ "rules": { "missing-timeout": "error" } }');
    });

    test("each revision's findings come from its own archsight.config.json, not the working tree's", () => {
        const r = runCli(['diff', 'HEAD~1', 'HEAD'], repo);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('findings: 1 introduced (1 warning), 0 fixed');
        expect(r.stdout).toMatch(/Findings introduced\n {2}arch\/shop\.arch:6:? {2}warning .*\[missing-timeout\]/);
    });

    test('a revision against the working tree: the old side with its config, the new with the one on disk', () => {
        const r = runCli(['diff', 'HEAD~1'], repo);
        expect(r.stdout).toContain('findings: 1 introduced (1 error), 0 fixed');
        expect(r.code).toBe(1);
    });

    test('the same architecture under the same config introduces nothing', () => {
        const r = runCli(['diff', 'HEAD~1', 'HEAD~1', '--format', 'json'], repo);
        expect(JSON.parse(r.stdout)).toMatchObject({ introduced: [], fixed: [] });
    });

    test('--config names one file for both sides', () => {
        const r = runCli(['diff', 'HEAD~1', 'HEAD', '--config', 'arch/archsight.config.json', '--format', 'json'], repo);
        expect(JSON.parse(r.stdout)).toMatchObject({ introduced: [], fixed: [] });
    });
});
