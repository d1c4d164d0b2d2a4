import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, type Worker, workerData } from 'node:worker_threads';
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
interface SideRequest { readonly spec: SideSpec; readonly rules: RuleOptions; readonly cwd: string }

/** The thread's `workerData.role`; bin/archsight.cjs starts one for `diff` before loading the CLI. */
const ROLE = 'archsight-diff-side';
const STARTED = Symbol.for('archsight.diff-side-thread');

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
    const request: SideRequest = { spec, rules, cwd };
    return new Promise((resolve, reject) => {
        const worker = startedThread() ?? startThread(fileURLToPath(import.meta.url));
        worker.ref();
        worker.postMessage(request);
        let answered = false;
        worker.once('message', (answer: Answer) => {
            answered = true;
            if ('loaded' in answer) resolve(answer.loaded);
            else reject(answer.usage ? new UsageError(answer.error) : new Error(answer.error));
            void worker.terminate();
        });
        // An error thrown in the thread arrives as a copy, not always an Error.
        worker.once('error', (error: unknown) => reject(new Error(`reading '${spec.name}' failed: ${error instanceof Error ? error.message : String(error)}`)));
        worker.once('exit', (code: number) => {
            if (!answered) reject(new Error(`the thread reading '${spec.name}' stopped (exit code ${code})`));
        });
    });
}

/** Whether this thread was started by `loadSideInThread`. */
export function isSideThread(): boolean {
    return !isMainThread && (workerData as { role?: string } | undefined)?.role === ROLE;
}

/** A thread of the bundle, loaded as bin/archsight.cjs loads it (with the code cache). */
function startThread(bundle: string): Worker {
    const codeCache = path.join(path.dirname(bundle), '../bin/code-cache.cjs');
    const { startBundleThread } = createRequire(import.meta.url)(codeCache) as { startBundleThread(bundle: string, data: unknown): Worker };
    return startBundleThread(bundle, { role: ROLE });
}

/** The thread bin/archsight.cjs started for this run, if any (taken once). */
function startedThread(): Worker | undefined {
    const holder = globalThis as Record<symbol, Worker | undefined>;
    const worker = holder[STARTED];
    holder[STARTED] = undefined;
    return worker;
}

/**
 * The thread's work: build the services and the parser while the side is not known yet,
 * then read the side it is sent and send back its model and findings.
 */
export function serveSide(): void {
    const services = createArchServices(NodeFileSystem).Arch;
    void services.parser.LangiumParser;
    parentPort!.once('message', (request: SideRequest) => void answer(services, request));
}

async function answer(services: ReturnType<typeof createArchServices>['Arch'], { spec, rules, cwd }: SideRequest): Promise<void> {
    let answer: Answer;
    try {
        const loaded = await loadSide(services, spec, rules, cwd);
        answer = { loaded: { ...loaded, side: { ...loaded.side, model: withoutSyntax(loaded.side.model) } } };
    } catch (error) {
        answer = { error: error instanceof Error ? error.message : String(error), usage: error instanceof UsageError };
    }
    parentPort!.postMessage(answer);
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
