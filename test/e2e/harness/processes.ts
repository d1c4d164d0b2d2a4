import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/**
 * Every process group the harness started, so each can be stopped by its pid — also when a
 * scenario fails or the test process exits early. Children are started `detached`, which
 * makes each the leader of its own process group: signalling `-pid` reaches the whole tree
 * (code-server's extension host and our language server, or Chromium's renderers).
 */
const running = new Map<number, string>();

/** Starts a command in a process group of its own and remembers it until it stops. */
export function startGroup(name: string, command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
    const child = spawn(command, args, { ...options, detached: true });
    if (child.pid === undefined) throw new Error(`Could not start ${name} (${command}).`);
    track(child.pid, name);
    child.once('exit', () => running.delete(child.pid!));
    return child;
}

/** Remembers a process group that someone else started (Playwright's Chromium). */
export function track(pid: number, name: string): void {
    running.set(pid, name);
}

/** Stops a process group: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
export async function stopGroup(pid: number, graceMs = 5_000): Promise<void> {
    signalGroup(pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (groupAlive(pid) && Date.now() < deadline) await new Promise(r => setTimeout(r, 100));
    if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
    running.delete(pid);
}

export function groupAlive(pid: number): boolean {
    try {
        process.kill(-pid, 0);
        return true;
    } catch {
        return false;
    }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
    try {
        process.kill(-pid, signal);
    } catch {
        // Already gone.
    }
}

// A test process that exits without running its afterAll hooks (a crash, Ctrl+C)
// must not leave a code-server or a browser behind.
process.once('exit', () => {
    for (const pid of running.keys()) signalGroup(pid, 'SIGKILL');
});
