import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    createMessageConnection, StreamMessageReader, StreamMessageWriter, type Diagnostic, type InitializeResult, type MessageConnection,
    type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

const REPO = path.resolve(__dirname, '../..');
/** The bundle the extension ships; `npm run bundle` (or vitest's global setup) builds it. */
export const SERVER_BUNDLE = path.join(REPO, 'out/language-server.cjs');

/**
 * The real language server in a child process, spoken to over stdio as VS Code does.
 * Collects the diagnostics it publishes; `waitForDiagnostics` waits for the next ones of
 * a document version.
 */
export class LspClient {
    readonly connection: MessageConnection;
    readonly stderr: string[] = [];
    /** The latest diagnostics per URI, with the version they belong to. */
    readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
    private readonly waiters: Array<{ uri: string; until: (d: Diagnostic[]) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
    private exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;

    private constructor(readonly process: ChildProcessWithoutNullStreams) {
        process.stderr.on('data', chunk => this.stderr.push(String(chunk)));
        process.on('exit', (code, signal) => { this.exited = { code, signal }; });
        this.connection = createMessageConnection(new StreamMessageReader(process.stdout), new StreamMessageWriter(process.stdin));
        this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            this.diagnostics.set(params.uri, params);
            for (const waiter of [...this.waiters]) {
                if (waiter.uri === params.uri && waiter.until(params.diagnostics)) {
                    this.waiters.splice(this.waiters.indexOf(waiter), 1);
                    waiter.resolve(params);
                }
            }
        });
        // The server asks for configuration and registers capabilities; answer like a plain client.
        this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        this.connection.onNotification(() => undefined);
        this.connection.listen();
    }

    /**
     * Starts the server (by default the extension's bundle; `args` may start it otherwise,
     * as `archsight lsp` does) and runs `initialize` / `initialized` for `rootFolder`
     * (with the extension's `initializationOptions`, if given).
     */
    static async start(rootFolder: string, args: readonly string[] = [SERVER_BUNDLE, '--stdio'], initializationOptions?: object): Promise<{ client: LspClient; capabilities: InitializeResult['capabilities'] }> {
        const child = spawn(process.execPath, args, { stdio: 'pipe' });
        const client = new LspClient(child);
        const rootUri = pathToFileURL(rootFolder).toString();
        const result = await client.connection.sendRequest<InitializeResult>('initialize', {
            processId: process.pid,
            rootUri,
            workspaceFolders: [{ uri: rootUri, name: path.basename(rootFolder) }],
            initializationOptions,
            capabilities: {
                workspace: { configuration: true, workspaceFolders: true },
                textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { dynamicRegistration: false } },
            },
        });
        await client.connection.sendNotification('initialized', {});
        return { client, capabilities: result.capabilities };
    }

    get alive(): boolean {
        return this.exited === undefined && this.process.exitCode === null;
    }

    open(uri: string, text: string, version = 1): Promise<void> {
        return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'arch', version, text } });
    }

    /** Replaces the whole text, as an editor does after a paste over everything. */
    replace(uri: string, text: string, version: number): Promise<void> {
        return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    /**
     * The first diagnostics published for `uri` that satisfy `until` (the latest ones, if
     * they already do). Langium publishes without a document version, so callers say what
     * the diagnostics of the text they sent look like.
     */
    waitForDiagnostics(uri: string, until: (diagnostics: Diagnostic[]) => boolean = () => true, timeoutMs = 20_000): Promise<Diagnostic[]> {
        const known = this.diagnostics.get(uri);
        if (known && until(known.diagnostics)) return Promise.resolve(known.diagnostics);
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`No matching diagnostics for ${uri} within ${timeoutMs} ms; the last were ${JSON.stringify(this.diagnostics.get(uri)?.diagnostics.map(messageOf))}. Server stderr:\n${this.stderr.join('')}`)), timeoutMs);
            this.waiters.push({ uri, until, resolve: params => { clearTimeout(timer); resolve(params.diagnostics); } });
        });
    }

    /** `shutdown` then `exit`; resolves with the exit code once the process has ended. */
    async stop(): Promise<number | null> {
        if (this.alive) {
            await this.connection.sendRequest('shutdown');
            await this.connection.sendNotification('exit');
        }
        const code = await new Promise<number | null>(resolve => {
            if (this.exited) return resolve(this.exited.code);
            const timer = setTimeout(() => { this.process.kill(); }, 5_000);
            this.process.on('exit', c => { clearTimeout(timer); resolve(c); });
        });
        this.connection.dispose();
        return code;
    }
}

/** A diagnostic's message as text. */
export function messageOf(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** A `waitForDiagnostics` condition: some message matches `pattern`. */
export function someMessage(pattern: RegExp): (diagnostics: Diagnostic[]) => boolean {
    return diagnostics => diagnostics.some(d => pattern.test(messageOf(d)));
}
