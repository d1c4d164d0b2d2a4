import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { groupsWithClass, parseSvg } from '../diagram/diagram-helpers.js';

let dir: string;

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archsight-render-view-'));
    copyFileSync(new URL('../views/fixtures/shop-views.arch', import.meta.url), path.join(dir, 'shop.arch'));
});

const ids = (svg: string, cls: string) => groupsWithClass(parseSvg(svg), cls).map(g => g.getAttribute('data-id')).sort();

describe('archsight render --view', () => {
    test('draws a view declared in the file, in its direction, under its title', () => {
        const r = runCli(['render', 'shop.arch', '--view', 'money', '--no-legend'], dir);
        expect([r.code, r.stderr]).toEqual([0, '']);
        expect(ids(r.stdout, 'node')).toEqual(['orders', 'pay', 'payDb']);
        expect(ids(r.stdout, 'edge')).toEqual(['orders->pay', 'pay->payDb']);
        expect(r.stdout).toContain('direction-right');
        expect(r.stdout).toContain('<title>Where the money goes</title>');
    });

    test('the fixed views still work', () => {
        const r = runCli(['render', 'shop.arch', '--view', 'messaging', '--no-legend'], dir);
        expect(r.code).toBe(0);
        expect(ids(r.stdout, 'edge')).toEqual(['events~>shipping', 'orders~>events']);
    });

    test('an unknown view is a usage error that lists the views and says what was meant', () => {
        const r = runCli(['render', 'shop.arch', '--view', 'mony'], dir);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe("archsight render: There is no view 'mony' in 'shop.arch': its views are money, around, stores, messages, quiet, pci; the fixed ones are all, calls, messaging, observability. Did you mean 'money'?\n");
    });
});
