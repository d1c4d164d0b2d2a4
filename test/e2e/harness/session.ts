import { existsSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser, type BrowserSession } from './browser.js';
import { startCodeServer, type CodeServer } from './code-server.js';
import { EXTENSIONS, RESULTS } from './paths.js';
import { waitForWorkbench } from './workbench.js';
import { makeWorkspace } from './workspace.js';

/** One scenario's code-server, browser page and workspace, each fresh. */
export class Session {
    private constructor(
        readonly name: string,
        readonly dir: string,
        readonly workspace: string,
        readonly server: CodeServer,
        readonly browser: BrowserSession,
    ) {}

    get page(): Page {
        return this.browser.page;
    }

    static async start(name: string): Promise<Session> {
        const dir = join(RESULTS, name);
        await rm(dir, { recursive: true, force: true });
        const workspace = join(dir, 'workspace');
        await makeWorkspace(workspace);
        const folders = { userDataDir: join(dir, 'user-data'), extensionsDir: EXTENSIONS, homeDir: join(dir, 'home') };
        const server = await startCodeServer(folders, join(dir, 'code-server.log'));
        let browser: BrowserSession | undefined;
        try {
            browser = await launchBrowser(folders.homeDir);
            await browser.page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`);
            await waitForWorkbench(browser.page);
            return new Session(name, dir, workspace, server, browser);
        } catch (error) {
            await browser?.close();
            await server.stop();
            throw error;
        }
    }

    /** The absolute path of a workspace file. */
    path(file: string): string {
        return join(this.workspace, file);
    }

    async read(file: string): Promise<string> {
        return readFile(this.path(file), 'utf8');
    }

    /** Saves a PNG of the whole page into test-results/e2e/ for people to look at. */
    async screenshot(label = this.name): Promise<string> {
        const file = join(RESULTS, `${label}.png`);
        await this.page.screenshot({ path: file });
        return file;
    }

    /**
     * The ends of the extension host's log and of our extension's output channel: where
     * an activation error or a crash of the language server shows up.
     */
    async extensionLogs(lines = 30): Promise<string> {
        const logs = join(this.dir, 'user-data/logs');
        if (!existsSync(logs)) return '(no logs)';
        const files = (await readdir(logs, { recursive: true })).filter(f => f.endsWith('exthost.log') || f.endsWith('Archsight.log'));
        const parts = await Promise.all(files.map(async f => {
            const tail = (await readFile(join(logs, f), 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
            return `--- ${f}\n${tail || '(empty)'}`;
        }));
        return parts.join('\n');
    }

    async stop(): Promise<void> {
        await this.browser.close();
        await this.server.stop();
    }
}

/**
 * Starts a fresh session before the scenario's tests, screenshots after each test (failed
 * ones too, named after the test) and stops every process after the last one.
 */
export function useSession(name: string): { readonly current: Session } {
    let session: Session | undefined;
    const holder = {
        get current(): Session {
            if (!session) throw new Error(`The session of scenario '${name}' did not start (see the beforeAll error).`);
            return session;
        },
    };
    beforeAll(async () => {
        session = await Session.start(name);
    });
    afterEach(async context => {
        if (!session) return;
        const file = await session.screenshot(`${name}--${slug(context.task.name)}`);
        if (context.task.result?.state === 'fail') {
            console.error(`Scenario '${name}' failed. Screenshot: ${relative(process.cwd(), file)}; logs: ${relative(process.cwd(), session.dir)}/\n${await session.extensionLogs()}`);
        }
    });
    afterAll(async () => {
        await session?.stop();
    });
    return holder;
}

function slug(text: string): string {
    return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}
