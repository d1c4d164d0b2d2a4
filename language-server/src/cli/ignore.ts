import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

/**
 * The files `archsight check` leaves out when it expands folders and globs: the patterns of
 * `.archsightignore` in the working folder (one per line, `#` comments, gitignore-like: a
 * pattern without a slash matches at any depth, a trailing slash means a folder and what is
 * below it) and those of `--ignore-pattern`. Files named one by one are always checked.
 */
export async function loadIgnore(cwd: string, extraPatterns: readonly string[] = []): Promise<(file: string) => boolean> {
    const patterns = [...await readIgnoreFile(path.join(cwd, '.archsightignore')), ...extraPatterns].flatMap(toGlobs);
    if (patterns.length === 0) return () => false;
    const isMatch = picomatch(patterns, { dot: true });
    return file => {
        const relative = path.relative(cwd, file).split(path.sep).join('/');
        return !relative.startsWith('../') && isMatch(relative);
    };
}

async function readIgnoreFile(file: string): Promise<string[]> {
    let text: string;
    try {
        text = await fs.readFile(file, 'utf8');
    } catch {
        return [];
    }
    return text.split(/\r?\n/).map(line => line.trim()).filter(line => line !== '' && !line.startsWith('#'));
}

/** A gitignore-like pattern as globs relative to the working folder. */
function toGlobs(pattern: string): string[] {
    let glob = pattern.startsWith('./') ? pattern.slice(2) : pattern;
    const anchored = glob.startsWith('/') || glob.slice(0, -1).includes('/');
    glob = glob.replace(/^\/+/, '').replace(/\/+$/, '');
    if (!anchored && !glob.startsWith('**/')) glob = `**/${glob}`;
    return [glob, `${glob}/**`];
}
