import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { markUsed } from '../diagram/layout-store.js';
import { mayKeep, paints, parseCheckArgs, type CheckArgs } from './check-options.js';
import { buildIdentity, configsOf, fileSeen, keepEntry, sameConfigs, sameFiles, sha256, sourcesSeen, sourcesUnchanged, type ConfigSeen, type FileSeen, type SourceSeen } from './memo-inputs.js';
import { processOutput, type Output } from './output.js';
import { DEFAULT_CACHE_LOCATION } from './render-options.js';

/**
 * `archsight check --cache` keeps what a run reported, so that checking unchanged files
 * again prints the same report without loading the CLI or parsing (bin/archsight.cjs
 * replays it before it loads the CLI's bundle), as eslint's `--cache` does for unchanged
 * files. A report covers the architecture of the files given and their imports, so an
 * entry holds the hash of everything it was made from, and is replayed only when all of it
 * is the same:
 * - the key: this build of Archsight, the working folder, the arguments, and whether the
 *   report is coloured (a terminal, NO_COLOR, FORCE_COLOR);
 * - the files the arguments name now (a folder or a glob may name others since);
 * - the text of every `.arch` file the run read (those given and their imports);
 * - for each of their folders, the nearest `archsight.config.json` (its place and text);
 * - the files `--config` and `--baseline` name, and those that imports named but that could
 *   not be read (their bytes, or that they are not there).
 * Runs with exit code 0 or 1 are kept (1: errors, or more warnings than --max-warnings);
 * a usage or I/O error (2) is not. Runs that read standard input or write files (`--stdin`,
 * `--fix`, `--fix-dry-run`, `--write-baseline`) are always made. Anything unexpected (an
 * entry that cannot be read, a file that cannot be hashed) is a miss: the CLI then runs.
 */
export interface CheckMemo {
    readonly key: string;
    /** The files the arguments named (absolute), in order. */
    readonly inputs: readonly string[];
    readonly sources: readonly SourceSeen[];
    readonly configs: readonly ConfigSeen[];
    /** `--config`, `--baseline`, and the imports that named no file that could be read. */
    readonly files: readonly FileSeen[];
    /** The report, and the file it was written to (absolute) or none for standard output. */
    readonly output: { readonly file?: string; readonly text: string };
    readonly stderr: string;
    readonly code: 0 | 1;
}

const FORMAT = 'archsight check memo 1';

/** How many reports `--cache` keeps, the most recently used. */
export const KEPT_REPORTS = 100;

/** What a finished run hands over to be kept. */
export interface CheckRun {
    readonly inputs: readonly string[];
    readonly sources: readonly { readonly path: string; readonly text: string }[];
    /** Imports that named no file that could be read (absolute). */
    readonly unread: readonly string[];
    readonly output: { readonly file?: string; readonly text: string };
    readonly stderr: string;
    readonly code: 0 | 1;
    /** Whether the text report was coloured. */
    readonly colour: boolean;
}

/** Keeps a run that `mayKeep` allows (the caller asks); failures cost only the next run's speed. */
export async function rememberCheck(args: CheckArgs, cwd: string, folder: string, run: CheckRun): Promise<void> {
    const build = await buildIdentity();
    if (build === undefined) return;
    const key = memoKey(build, cwd, args, run.colour);
    const memo: CheckMemo = {
        key,
        inputs: run.inputs,
        ...await sourcesSeen(run.sources),
        files: await Promise.all([...namedFiles(args, cwd), ...new Set(run.unread)].map(fileSeen)),
        output: run.output,
        stderr: run.stderr,
        code: run.code,
    };
    await keepEntry(memoFile(folder, key), memo, KEPT_REPORTS);
}

/**
 * Reports a kept run again when nothing it was made from has changed, and returns its exit
 * code; undefined when there is no such run (the CLI must then run).
 */
export async function replayCheck(args: string[], cwd: string, io: Output = processOutput): Promise<number | undefined> {
    try {
        const parsed = parseCheckArgs(args);
        const { values, positionals } = parsed;
        if (!mayKeep(parsed)) return undefined;
        const build = await buildIdentity();
        if (build === undefined) return undefined;
        const key = memoKey(build, cwd, parsed, paints(values, io.isTTY));
        const file = memoFile(path.resolve(cwd, values['cache-location'] ?? DEFAULT_CACHE_LOCATION), key);
        const memo = JSON.parse(await fs.readFile(file, 'utf8')) as CheckMemo;
        if (memo.key !== key || (memo.code !== 0 && memo.code !== 1) || typeof memo.output?.text !== 'string') return undefined;
        // Loaded only here: `render --cache` replays without them.
        const [{ expandInputs }, { loadIgnore }] = await Promise.all([import('./files.js'), import('./ignore.js')]);
        const inputs = await expandInputs(positionals, cwd, await loadIgnore(cwd, values['ignore-pattern']));
        if (inputs.length !== memo.inputs.length || inputs.some((input, i) => input !== memo.inputs[i])) return undefined;
        if (await sourcesUnchanged(memo.sources) === undefined) return undefined;
        if (!sameConfigs(memo.configs, await configsOf(memo.sources.map(source => source.path)))) return undefined;
        if (!(await sameFiles(memo.files))) return undefined;
        if (memo.output.file === undefined) {
            io.out(memo.output.text);
        } else {
            // As the run wrote it; where that fails, the run says why.
            try {
                await fs.mkdir(path.dirname(memo.output.file), { recursive: true });
                await fs.writeFile(memo.output.file, memo.output.text);
            } catch {
                return undefined;
            }
        }
        if (memo.stderr) io.err(memo.stderr);
        await markUsed(file);
        return memo.code;
    } catch {
        return undefined;
    }
}

/** The files named by `--config` and `--baseline`, absolute. */
function namedFiles({ values }: CheckArgs, cwd: string): string[] {
    return [values.config, values.baseline].filter((file): file is string => file !== undefined).map(file => path.resolve(cwd, file));
}

/** The key of a run: the options as read (in any order and spelling) and whether the report is coloured. */
function memoKey(build: string, cwd: string, { values, positionals }: CheckArgs, colour: boolean): string {
    const options = Object.entries(values).sort(([a], [b]) => a.localeCompare(b));
    return sha256(JSON.stringify([FORMAT, build, cwd, positionals, options, colour]));
}

function memoFile(folder: string, key: string): string {
    return path.join(folder, 'checks', `${key}.json`);
}
