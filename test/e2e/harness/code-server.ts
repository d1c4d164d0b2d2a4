import { execFile } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CODE_SERVER_BIN } from './paths.js';
import { startGroup, stopGroup } from './processes.js';

export interface CodeServer {
    /** Base URL, e.g. `http://127.0.0.1:41234/`. */
    readonly url: string;
    readonly pid: number;
    readonly logFile: string;
    stop(): Promise<void>;
}

export interface CodeServerFolders {
    /** Settings, state and logs (the extension host log is under `logs/`). */
    readonly userDataDir: string;
    readonly extensionsDir: string;
    /** Stands in for the home folder, so code-server writes no config or logs outside the run. */
    readonly homeDir: string;
}

/** Settings that keep first-run pages, tips and dialogs out of the scenarios' way. */
const SETTINGS = {
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.ignoreRecommendations': true,
    'extensions.autoCheckUpdates': false,
    'update.mode': 'none',
    'chat.commandCenter.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'editor.minimap.enabled': false,
    // Completion is left as VS Code ships it (suggestions while typing, Enter accepts):
    // the scenarios type as a user with default settings does.
    'editor.hover.delay': 200,
    'files.autoSave': 'off',
    // The workspaces live in the repository's git-ignored test-results folder.
    'git.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
};

export async function installExtension(vsix: string, folders: CodeServerFolders): Promise<void> {
    await prepareFolders(folders);
    try {
        await promisify(execFile)(CODE_SERVER_BIN, [...folderArgs(folders), '--install-extension', vsix], { env: env(folders) });
    } catch (error) {
        const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
        throw new Error(`code-server could not install ${vsix}:\n${stdout}${stderr}`);
    }
}

/** Starts code-server on a free port of 127.0.0.1 and resolves once it listens. */
export async function startCodeServer(folders: CodeServerFolders, logFile: string, timeoutMs = 30_000): Promise<CodeServer> {
    if (!existsSync(CODE_SERVER_BIN)) throw new Error(`code-server is not installed at ${CODE_SERVER_BIN}: run scripts/e2e/install-code-server.sh (npm run test:e2e does).`);
    await prepareFolders(folders);
    await mkdir(join(folders.userDataDir, 'User'), { recursive: true });
    await writeFile(join(folders.userDataDir, 'User/settings.json'), JSON.stringify(SETTINGS, null, 2));

    // Port 0: the system picks a free port and code-server prints the one it got.
    const args = ['--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check',
        '--disable-workspace-trust', ...folderArgs(folders)];
    const child = startGroup('code-server', CODE_SERVER_BIN, args, { env: env(folders), stdio: ['ignore', 'pipe', 'pipe'] });
    const log = createWriteStream(logFile);
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => fail(`code-server did not report a listening port within ${timeoutMs} ms`), timeoutMs);
        const fail = (reason: string) => {
            clearTimeout(timer);
            reject(new Error(`${reason}.\nIts output:\n${output}`));
        };
        const read = (chunk: Buffer) => {
            log.write(chunk);
            output += chunk.toString();
            const listening = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
            if (listening) {
                clearTimeout(timer);
                resolve(listening[1]);
            }
        };
        child.stdout!.on('data', read);
        child.stderr!.on('data', read);
        child.once('exit', code => fail(`code-server exited with code ${code} before it listened`));
    }).catch(async error => {
        await stopGroup(child.pid!);
        throw error;
    });
    const pid = child.pid!;
    return {
        url, pid, logFile,
        stop: async () => {
            await stopGroup(pid);
            log.end();
        },
    };
}

function folderArgs({ userDataDir, extensionsDir, homeDir }: CodeServerFolders): string[] {
    return ['--config', join(homeDir, 'code-server.yaml'), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
}

function env({ homeDir }: CodeServerFolders): NodeJS.ProcessEnv {
    return { ...process.env, XDG_CONFIG_HOME: join(homeDir, 'config'), XDG_DATA_HOME: join(homeDir, 'data') };
}

async function prepareFolders(folders: CodeServerFolders): Promise<void> {
    for (const dir of [folders.userDataDir, folders.extensionsDir, folders.homeDir]) await mkdir(dir, { recursive: true });
    await writeFile(join(folders.homeDir, 'code-server.yaml'), 'auth: none\n');
}
