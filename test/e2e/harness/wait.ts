/** What a probe saw: `ok` when the awaited condition holds, `seen` to report when it never does. */
export interface Observation<T> {
    readonly ok: boolean;
    readonly seen: string;
    readonly value?: T;
}

export interface WaitOptions {
    /** How long the condition may take; the wait fails after that. */
    readonly timeoutMs?: number;
    readonly intervalMs?: number;
}

/**
 * Polls `probe` until it reports `ok`, and fails with what was expected and what was
 * last seen when it does not within the timeout. Scenarios wait for conditions this way
 * instead of sleeping for a fixed time.
 */
export async function waitFor<T>(expected: string, probe: () => Promise<Observation<T>>, options: WaitOptions = {}): Promise<T> {
    const { timeoutMs = 10_000, intervalMs = 100 } = options;
    const start = Date.now();
    let last: Observation<T> | undefined;
    let lastError: unknown;
    for (;;) {
        try {
            last = await probe();
            lastError = undefined;
            if (last.ok) return last.value as T;
        } catch (error) {
            // A page that is still re-rendering can throw; keep polling until the deadline.
            lastError = error;
        }
        if (Date.now() - start >= timeoutMs) break;
        await new Promise(resolve => setTimeout(resolve, intervalMs));
    }
    const seen = lastError ? `an error: ${lastError instanceof Error ? lastError.message : String(lastError)}` : last?.seen ?? 'nothing';
    throw new Error(`Expected ${expected} within ${timeoutMs} ms.\nSeen: ${seen}`);
}
