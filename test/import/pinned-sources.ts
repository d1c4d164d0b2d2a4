import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * Real files of public repositories at pinned commits, read from local git mirrors rather
 * than copied into this repository (see fixtures/SOURCES.md): `$ARCHSIGHT_MIRRORS/<owner>+<name>/repo`
 * (default `/work/.mirror`, where the team's `fetch` puts them). Where a mirror or the commit
 * is missing the tests that need it are skipped, and say so.
 */
const MIRRORS = process.env.ARCHSIGHT_MIRRORS ?? '/work/.mirror';

export interface PinnedRepo {
    readonly repo: string;
    readonly commit: string;
}

function gitDir(pinned: PinnedRepo): string {
    return path.join(MIRRORS, pinned.repo.replace('/', '+'), 'repo');
}

/** Whether the mirror of the repository has the pinned commit. */
export function hasPinned(pinned: PinnedRepo): boolean {
    if (!existsSync(gitDir(pinned))) return false;
    return spawnSync('git', ['--git-dir', gitDir(pinned), 'cat-file', '-e', `${pinned.commit}^{commit}`]).status === 0;
}

/** The text of a file at the pinned commit. */
export function pinnedText(pinned: PinnedRepo, file: string): string {
    const shown = spawnSync('git', ['--git-dir', gitDir(pinned), 'show', `${pinned.commit}:${file}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (shown.status !== 0) throw new Error(`${pinned.repo}@${pinned.commit.slice(0, 8)} has no ${file}: ${shown.stderr.trim()}`);
    return shown.stdout;
}

/** The files, unchanged, in a fresh folder under the same relative paths; returns the folder. */
export function checkOutPinned(pinned: PinnedRepo, files: readonly string[]): string {
    const dir = mkdtempSync(path.join(tmpdir(), `archsight-${pinned.repo.replace(/\W+/g, '-')}-`));
    for (const file of files) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), pinnedText(pinned, file));
    }
    return dir;
}
