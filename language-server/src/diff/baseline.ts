/**
 * Baselines for gradual adoption: the findings a project accepts for now, by stable
 * fingerprint, so `archsight check --baseline` reports only the findings that are new.
 * A finding counts once per occurrence: two accepted findings with one fingerprint
 * cover two, not three.
 */

export interface BaselineEntry {
    readonly fingerprint: string;
    readonly rule: string;
    /** For the reader of the file; matching uses the fingerprint only. */
    readonly file: string;
    readonly message: string;
}

export interface Baseline {
    readonly version: 1;
    readonly tool: 'archsight';
    readonly findings: readonly BaselineEntry[];
}

interface Fingerprinted {
    readonly fingerprint: string;
    readonly code?: string;
    readonly display: string;
    readonly message: string;
}

export type BaselineState = 'new' | 'unchanged';

export function toBaseline(findings: readonly Fingerprinted[]): Baseline {
    return {
        version: 1,
        tool: 'archsight',
        findings: findings.map(f => ({ fingerprint: f.fingerprint, rule: f.code ?? 'syntax-error', file: f.display.replace(/\\/g, '/'), message: f.message })),
    };
}

/** The baseline in a file's text, or a one-line reason why it is not one. */
export function parseBaseline(text: string): Baseline | string {
    let data: unknown;
    try {
        data = JSON.parse(text);
    } catch (error) {
        return `not valid JSON (${(error as Error).message})`;
    }
    const findings = (data as { findings?: unknown })?.findings;
    if ((data as { tool?: unknown })?.tool !== 'archsight' || !Array.isArray(findings)) return 'not an archsight baseline (no "tool": "archsight" and "findings" list)';
    const bad = findings.findIndex(f => typeof (f as { fingerprint?: unknown })?.fingerprint !== 'string');
    if (bad >= 0) return `finding ${bad + 1} has no "fingerprint"`;
    return data as Baseline;
}

/** Each finding's state against the baseline: `unchanged` while the baseline still has one of its fingerprint. */
export function baselineStates(findings: readonly Fingerprinted[], baseline: Baseline): BaselineState[] {
    const left = new Map<string, number>();
    for (const f of baseline.findings) left.set(f.fingerprint, (left.get(f.fingerprint) ?? 0) + 1);
    return findings.map(f => {
        const n = left.get(f.fingerprint) ?? 0;
        if (n === 0) return 'new';
        left.set(f.fingerprint, n - 1);
        return 'unchanged';
    });
}
