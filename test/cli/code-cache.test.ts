import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';

const LOADER = path.join(REPO, 'bin/code-cache.cjs');

/** A CommonJS module that uses what Node gives a module: require, module, __filename, __dirname. */
const MODULE = `'use strict';
const path = require('node:path');
module.exports.where = path.basename(__dirname) + '/' + path.basename(__filename);
process.stdout.write(JSON.stringify({ where: module.exports.where, resolved: require.resolve("node:path") }));
`;

let dir: string;
let file: string;

beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archsight-code-cache-'));
    file = path.join(dir, 'bundle.cjs');
    writeFileSync(file, MODULE);
});

function load() {
    const run = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(LOADER)}).requireWithCodeCache(${JSON.stringify(file)})`], { encoding: 'utf8' });
    return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('loading a bundle with its code cache', () => {
    test('runs the module as require would, and writes the cache beside it', () => {
        const run = load();
        expect(run).toMatchObject({ code: 0, err: '' });
        expect(JSON.parse(run.out)).toEqual({ where: `${path.basename(dir)}/bundle.cjs`, resolved: 'node:path' });
        expect(readFileSync(`${file}.cache`).length).toBeGreaterThan(0);
    });

    test('keeps a cache that V8 accepts', () => {
        load();
        utimesSync(`${file}.cache`, 0, 0);
        expect(load().code).toBe(0);
        expect(statSync(`${file}.cache`).mtimeMs).toBe(0);
    });

    test('replaces a cache that V8 rejects (corrupt, or from another Node)', () => {
        writeFileSync(`${file}.cache`, 'not a code cache');
        const run = load();
        expect(run.code).toBe(0);
        expect(JSON.parse(run.out).where).toBe(`${path.basename(dir)}/bundle.cjs`);
        expect(readFileSync(`${file}.cache`, 'utf8')).not.toBe('not a code cache');
    });

    test('runs without a cache it can neither read nor write', () => {
        mkdirSync(`${file}.cache`);
        const run = load();
        expect(run).toMatchObject({ code: 0, err: '' });
        expect(JSON.parse(run.out).where).toBe(`${path.basename(dir)}/bundle.cjs`);
        expect(existsSync(`${file}.cache.${process.pid}`)).toBe(false);
    });
});

/** Node 22.1 and later cache compiled code themselves; the CLI uses that where it exists. */
const nodeCompileCache = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

describe('the built CLI', () => {
    test.runIf(nodeCompileCache)('uses Node\'s compile cache, and leaves the bundle\'s own cache alone', () => {
        const cache = path.join(REPO, 'out/cli.cjs.cache');
        const written = statSync(cache).mtimeMs;
        const folder = mkdtempSync(path.join(tmpdir(), 'archsight-node-cache-'));
        expect(runCli(['check', 'samples/monolith.arch'], REPO, { NODE_COMPILE_CACHE: folder }).code).toBe(0);
        expect(readdirSync(folder, { recursive: true }).length).toBeGreaterThan(0);
        expect(statSync(cache).mtimeMs).toBe(written);
    });

    test.skipIf(nodeCompileCache)('ships with a code cache that its runs keep', () => {
        const cache = path.join(REPO, 'out/cli.cjs.cache');
        const written = statSync(cache).mtimeMs;
        expect(runCli(['check', 'samples/monolith.arch']).code).toBe(0);
        expect(statSync(cache).mtimeMs).toBe(written);
    });
});
