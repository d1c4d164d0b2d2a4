import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describeFsError, UsageError } from './files.js';
import type { Output } from './output.js';

/** Writes a report to `-o/--output-file` (creating its folder) or to standard output. */
export async function writeReport(io: Output, report: string, outputFile: string | undefined, cwd: string): Promise<void> {
    if (outputFile === undefined) {
        io.out(report);
        return;
    }
    const file = path.resolve(cwd, outputFile);
    try {
        await fs.mkdir(path.dirname(file), { recursive: true });
        await fs.writeFile(file, report);
    } catch (error) {
        throw new UsageError(describeFsError(outputFile, error).replace('Cannot read', 'Cannot write'));
    }
}
