import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../rules/config/parse-config.js';
import { UsageError, type SourceFile } from './files.js';

/**
 * Reads `.arch` files of a git revision with git itself (`git ls-tree`, `git cat-file`),
 * never a checkout: the working tree stays as it is.
 */

interface GitResult {
    readonly code: number | null;
    readonly stdout: Buffer;
    readonly stderr: string;
}

function git(args: readonly string[], cwd: string, input?: string): Promise<GitResult> {
    return new Promise(resolve => {
        const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (b: Buffer) => out.push(b));
        child.stderr.on('data', (b: Buffer) => err.push(b));
        child.on('error', error => resolve({ code: -1, stdout: Buffer.alloc(0), stderr: (error as Error).message }));
        child.on('close', code => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
        child.stdin.on('error', () => undefined);
        child.stdin.end(input ?? '');
    });
}

/** The top folder of the repository around `cwd`, or undefined outside one (or without git). */
export async function repositoryRoot(cwd: string): Promise<string | undefined> {
    const r = await git(['rev-parse', '--show-toplevel'], cwd);
    return r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
}

/** The commit a revision names, or undefined when it names none. */
export async function resolveRevision(revision: string, cwd: string): Promise<string | undefined> {
    // An option-looking revision must not reach git as an option.
    if (revision.startsWith('-')) return undefined;
    const r = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], cwd);
    return r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
}

/** What a revision holds for a diff: its `.arch` files and its rule configuration. */
export interface RevisionFiles {
    /** Every `.arch` file of the repository (so that imports resolve inside the revision). */
    readonly files: SourceFile[];
    /** Which of them the pathspecs select. */
    readonly selected: Set<string>;
    /** Every `archsight.config.json` of the revision: its rules are checked with these, not the working tree's. */
    readonly configs: Map<string, string>;
}

/**
 * The `.arch` files and configurations of a commit. Paths are absolute, as they would be
 * in a checkout at `root`; pathspecs are relative to `cwd`.
 */
export async function readRevision(commit: string, pathspecs: readonly string[], cwd: string, root: string): Promise<RevisionFiles> {
    const all = await listFiles(commit, [], root);
    const arch = all.filter(p => p.endsWith('.arch'));
    const configPaths = all.filter(p => path.posix.basename(p) === CONFIG_FILE_NAME);
    const selected = pathspecs.length === 1 && pathspecs[0] === '.' && cwd === root
        ? new Set(arch.map(p => path.join(root, p)))
        : new Set((await listFiles(commit, pathspecs, cwd)).filter(p => p.endsWith('.arch')).map(p => path.join(root, p)));
    const contents = await catFiles(commit, [...arch, ...configPaths], root);
    const files = arch.map((p, i) => ({ path: path.join(root, p), text: contents[i] }));
    const configs = new Map(configPaths.map((p, i) => [path.join(root, p), contents[arch.length + i]]));
    return { files, selected, configs };
}

async function listFiles(commit: string, pathspecs: readonly string[], cwd: string): Promise<string[]> {
    const r = await git(['ls-tree', '-r', '-z', '--full-name', '--name-only', commit, '--', ...pathspecs], cwd);
    if (r.code !== 0) throw new UsageError(`git ls-tree failed: ${firstLine(r.stderr)}`);
    return r.stdout.toString('utf8').split('\0').filter(p => p.endsWith('.arch') || path.posix.basename(p) === CONFIG_FILE_NAME).sort();
}

/** The contents of many files in one `git cat-file --batch`, as UTF-8 text. */
async function catFiles(commit: string, paths: readonly string[], root: string): Promise<string[]> {
    if (paths.length === 0) return [];
    const r = await git(['cat-file', '--batch'], root, paths.map(p => `${commit}:${p}\n`).join(''));
    if (r.code !== 0) throw new UsageError(`git cat-file failed: ${firstLine(r.stderr)}`);
    const texts: string[] = [];
    let at = 0;
    for (const p of paths) {
        const headerEnd = r.stdout.indexOf(0x0a, at);
        const header = r.stdout.subarray(at, headerEnd).toString('utf8');
        const m = /^\S+ blob (\d+)$/.exec(header);
        if (!m) throw new UsageError(`Cannot read '${p}' at ${commit.slice(0, 12)}: ${header}.`);
        const size = Number(m[1]);
        const bytes = r.stdout.subarray(headerEnd + 1, headerEnd + 1 + size);
        if (bytes.includes(0)) throw new UsageError(`'${p}' at ${commit.slice(0, 12)} is a binary file, not text.`);
        texts.push(new TextDecoder('utf-8').decode(bytes));
        at = headerEnd + 1 + size + 1;
    }
    return texts;
}

function firstLine(text: string): string {
    return text.split('\n').find(l => l.trim().length > 0)?.trim() ?? 'unknown error';
}
