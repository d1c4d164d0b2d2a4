import { promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import { markUsed } from '../diagram/layout-store.js';
import { buildIdentity, configsOf, keepEntry, sameConfigs, sha256, sourcesSeen, sourcesUnchanged, type ConfigSeen, type SourceSeen } from './memo-inputs.js';
import { processOutput, type Output } from './output.js';
import { DEFAULT_CACHE_LOCATION, parseRenderArgs, type RenderArgs } from './render-options.js';

/**
 * `archsight render --cache` keeps what a run wrote beside the layouts it kept, so that an
 * unchanged diagram is written again without loading the CLI, parsing or drawing
 * (bin/archsight.cjs replays it before it loads the CLI's bundle). As eslint's cache does,
 * an entry holds the hash of everything the drawing was made from, and is replayed only
 * when all of it is the same:
 * - the key: this build of Archsight (its version and the bundle's size and time), the
 *   working folder and the arguments (but --force);
 * - the text of every `.arch` file the run read (the file given and its imports), hashed
 *   as the parser read it;
 * - for each of their folders, the nearest `archsight.config.json` (its place and text),
 *   which chooses the rules whose findings are drawn.
 * Only runs that ended with exit code 0 are kept. Anything unexpected (an entry that cannot
 * be read, a file that is not a regular file, an output that exists without --force) is a
 * miss, and the CLI then runs as if there were no entry and reports it properly.
 */
export interface RenderMemo {
    readonly key: string;
    /** The file given (absolute). */
    readonly input: string;
    readonly sources: readonly SourceSeen[];
    readonly configs: readonly ConfigSeen[];
    /** The file written (absolute), or standard output; text, or a PNG's bytes in base64. */
    readonly output: { readonly file?: string; readonly text?: string; readonly base64?: string };
    readonly stderr: string;
}


const FORMAT = 'archsight render memo 1';

/** How many drawings `--cache` keeps, the most recently used (a drawing is as large as its output). */
export const KEPT_DRAWINGS = 100;

/** What a finished run hands over to be kept. */
export interface RenderRun {
    readonly input: string;
    readonly sources: readonly { readonly path: string; readonly text: string }[];
    readonly output: { readonly file?: string; readonly data: string | Uint8Array };
    readonly stderr: string;
}

/** Keeps a run that ended with exit code 0; failures cost only the next run's speed. */
export async function rememberRender(args: RenderArgs, cwd: string, folder: string, run: RenderRun): Promise<void> {
    const build = await buildIdentity();
    if (build === undefined) return;
    const key = memoKey(build, cwd, args);
    const memo: RenderMemo = {
        key,
        input: run.input,
        ...await sourcesSeen(run.sources),
        output: {
            ...(run.output.file === undefined ? {} : { file: run.output.file }),
            ...(typeof run.output.data === 'string' ? { text: run.output.data } : { base64: Buffer.from(run.output.data).toString('base64') }),
        },
        stderr: run.stderr,
    };
    await keepEntry(memoFile(folder, key), memo, KEPT_DRAWINGS);
}

/**
 * Writes a kept run again when nothing it was made from has changed, and returns its exit
 * code; undefined when there is no such run (the CLI must then run).
 */
export async function replayRender(args: string[], cwd: string, io: Output = processOutput): Promise<number | undefined> {
    try {
        const parsed = parseRenderArgs(args);
        const { values, positionals } = parsed;
        if (values.help || (!values.cache && values['cache-location'] === undefined) || positionals.length !== 1) return undefined;
        const build = await buildIdentity();
        if (build === undefined) return undefined;
        const key = memoKey(build, cwd, parsed);
        const file = memoFile(path.resolve(cwd, values['cache-location'] ?? DEFAULT_CACHE_LOCATION), key);
        const memo = JSON.parse(await fs.readFile(file, 'utf8')) as RenderMemo;
        // A folder or glob given as the input may name other files now.
        if (memo.key !== key || memo.input !== path.resolve(cwd, positionals[0])) return undefined;
        const sources = await sourcesUnchanged(memo.sources);
        if (sources === undefined) return undefined;
        if (!sameConfigs(memo.configs, await configsOf(memo.sources.map(source => source.path)))) return undefined;
        const data = memo.output.text ?? Buffer.from(memo.output.base64 ?? '', 'base64');
        if (memo.output.file === undefined) {
            if (typeof data === 'string') io.out(data);
            else if (io.bytes && !io.isTTY) io.bytes(data);
            else return undefined;
        } else if (!(await written(memo.output.file, data, values.force === true, sources))) {
            return undefined;
        }
        if (memo.stderr) io.err(memo.stderr);
        await markUsed(file);
        return 0;
    } catch {
        return undefined;
    }
}

/** Writes the output as the CLI would, or refuses where the CLI would refuse (it then says why). */
async function written(file: string, data: string | Uint8Array, force: boolean, sources: readonly Stats[]): Promise<boolean> {
    const stat = await fs.stat(file).catch(() => undefined);
    if (stat && (!force || !stat.isFile() || sources.some(source => source.dev === stat.dev && source.ino === stat.ino))) return false;
    try {
        await fs.writeFile(file, data, { flag: force ? 'w' : 'wx' });
        return true;
    } catch {
        return false;
    }
}





/** The key of a run: the options as read (in any order and spelling), except --force, which only lets a file be overwritten. */
function memoKey(build: string, cwd: string, { values, positionals }: RenderArgs): string {
    const options = Object.entries(values).filter(([name]) => name !== 'force').sort(([a], [b]) => a.localeCompare(b));
    return sha256(JSON.stringify([FORMAT, build, cwd, positionals, options]));
}

function memoFile(folder: string, key: string): string {
    return path.join(folder, 'renders', `${key}.json`);
}

