import { promises as fs } from 'node:fs';
import { parseBaseline, type Baseline } from '../diff/baseline.js';
import { describeFsError, UsageError } from './files.js';

export const DEFAULT_BASELINE = 'archsight-baseline.json';

/** Reads a baseline; a missing or malformed file is a usage error (exit 2), never an empty baseline. */
export async function readBaseline(file: string, display: string): Promise<Baseline> {
    let text: string;
    try {
        text = await fs.readFile(file, 'utf8');
    } catch (error) {
        throw new UsageError(`Cannot read the baseline: ${describeFsError(display, error)}`);
    }
    const baseline = parseBaseline(text);
    if (typeof baseline === 'string') throw new UsageError(`'${display}' is ${baseline}.`);
    return baseline;
}

/** Writes a baseline: stable JSON, one finding per entry, sorted so that its diffs stay small. */
export async function writeBaseline(file: string, display: string, baseline: Baseline): Promise<void> {
    const sorted = { ...baseline, findings: [...baseline.findings].sort((a, b) => a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || a.fingerprint.localeCompare(b.fingerprint)) };
    try {
        await fs.writeFile(file, JSON.stringify(sorted, null, 2) + '\n', 'utf8');
    } catch (error) {
        throw new UsageError(`Cannot write the baseline: ${describeFsError(display, error)}`);
    }
}
