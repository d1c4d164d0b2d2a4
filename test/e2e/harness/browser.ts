import { join } from 'node:path';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';
import { stopGroup, track } from './processes.js';

/** Debian's Chromium (apt package `chromium`); Playwright downloads no browser here. */
const CHROMIUM = '/usr/bin/chromium';

// --no-sandbox because CI runs as root; the rest keeps Chromium from reaching out.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface BrowserSession {
    readonly page: Page;
    readonly pid: number;
    close(): Promise<void>;
}

/**
 * Launches Chromium as a server so the harness knows its pid (Playwright starts it as
 * the leader of its own process group) and can stop it by pid whatever happens.
 */
export async function launchBrowser(homeDir: string): Promise<BrowserSession> {
    // Chromium keeps its crash reports under XDG_CONFIG_HOME: inside the run, not the home folder.
    const env = { ...process.env, XDG_CONFIG_HOME: join(homeDir, 'config') };
    const server: BrowserServer = await chromium.launchServer({ executablePath: CHROMIUM, args: ARGS, headless: true, env });
    const pid = server.process().pid!;
    track(pid, 'chromium');
    let browser: Browser | undefined;
    try {
        browser = await chromium.connect(server.wsEndpoint());
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        return {
            page, pid,
            close: async () => {
                await browser?.close().catch(() => undefined);
                await server.close().catch(() => undefined);
                await stopGroup(pid);
            },
        };
    } catch (error) {
        await server.close().catch(() => undefined);
        await stopGroup(pid);
        throw error;
    }
}
