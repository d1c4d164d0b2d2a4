import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { isAstNode } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createArchServices } from '../arch-module.js';
import type { FileDiagnostic } from './diagnostics.js';
import { loadSide, type SideSpec } from './diff-sides.js';
import { UsageError } from './files.js';
import type { RuleOptions } from './rule-options.js';
import type { DiffSide } from '../diff/model-diff.js';
import type { ArchModel } from '../model/model-types.js';

declare const ARCHSIGHT_BUNDLED: boolean | undefined;

type Loaded = { side: DiffSide; diagnostics: FileDiagnostic[] };
type Answer = { loaded: Loaded } | { error: string; usage: boolean };
interface SideRequest { readonly role: typeof ROLE; readonly spec: SideSpec; readonly rules: RuleOptions; readonly cwd: string }

const ROLE = 'archsight-diff-side';

/**
 * One side of `archsight diff` read in a thread of its own while the calling thread reads
 * the other: reading a side is nearly all parsing and checking, so on two cores the two
 * sides take about as long as one. Only the bundle can start a thread of itself; under the
 * sources (tests) the side is read here.
 */
export function loadSideInThread(spec: SideSpec, rules: RuleOptions, cwd: string): Promise<Loaded> {
    if (typeof ARCHSIGHT_BUNDLED === 'undefined' || !ARCHSIGHT_BUNDLED) {
        return loadSide(createArchServices(NodeFileSystem).Arch, spec, rules, cwd);
    }
    const request: SideRequest = { role: ROLE, spec, rules, cwd };
    return new Promise((resolve, reject) => {
        const worker = new Worker(bootstrap(fileURLToPath(import.meta.url)), { eval: true, workerData: request });
        let answered = false;
        worker.once('message', (answer: Answer) => {
            answered = true;
            if ('loaded' in answer) resolve(answer.loaded);
            else reject(answer.usage ? new UsageError(answer.error) : new Error(answer.error));
            void worker.terminate();
        });
        // An error thrown in the thread arrives as a copy, not always an Error.
        worker.once('error', error => reject(new Error(`reading '${spec.name}' failed: ${error instanceof Error ? error.message : String(error)}`)));
        worker.once('exit', code => {
            if (!answered) reject(new Error(`the thread reading '${spec.name}' stopped (exit code ${code})`));
        });
    });
}

/** Whether this thread was started by `loadSideInThread`. */
export function isSideThread(): boolean {
    return !isMainThread && (workerData as Partial<SideRequest> | undefined)?.role === ROLE;
}

/** The thread's work: read the side it was given and send back its model and findings. */
export async function serveSide(): Promise<void> {
    const { spec, rules, cwd } = workerData as SideRequest;
    let answer: Answer;
    try {
        const loaded = await loadSide(createArchServices(NodeFileSystem).Arch, spec, rules, cwd);
        answer = { loaded: { ...loaded, side: { ...loaded.side, model: withoutSyntax(loaded.side.model) } } };
    } catch (error) {
        answer = { error: error instanceof Error ? error.message : String(error), usage: error instanceof UsageError };
    }
    parentPort!.postMessage(answer);
}

/**
 * Loads the bundle in the thread as `bin/archsight.cjs` loads it in the process: with
 * V8's code cache (Node 22's own, or the one beside the bundle on Node 20).
 */
function bootstrap(bundle: string): string {
    const codeCache = path.join(path.dirname(bundle), '../bin/code-cache.cjs');
    return `const Module = require('node:module');
if (typeof Module.enableCompileCache === 'function') { Module.enableCompileCache(); require(${JSON.stringify(bundle)}); }
else require(${JSON.stringify(codeCache)}).requireWithCodeCache(${JSON.stringify(bundle)});`;
}

/**
 * A copy of the model without its links into the syntax tree (`node`, problems), which
 * stays in this thread and cannot be sent; the comparison and its drawing read neither.
 * Objects the model shares (a relation in `relations` and in `outgoing`) stay shared.
 */
function withoutSyntax(model: ArchModel): ArchModel {
    const copies = new Map<object, unknown>();
    const copy = (value: unknown): unknown => {
        if (typeof value !== 'object' || value === null) return value;
        if (isAstNode(value)) return undefined;
        const done = copies.get(value);
        if (done !== undefined) return done;
        if (Array.isArray(value)) {
            const result: unknown[] = [];
            copies.set(value, result);
            for (const item of value) result.push(copy(item));
            return result;
        }
        if (value instanceof Map) {
            const result = new Map<unknown, unknown>();
            copies.set(value, result);
            for (const [key, item] of value) result.set(key, copy(item));
            return result;
        }
        const result: Record<string, unknown> = {};
        copies.set(value, result);
        for (const [key, item] of Object.entries(value)) result[key] = copy(item);
        return result;
    };
    return { ...(copy(model) as ArchModel), problems: [] };
}
