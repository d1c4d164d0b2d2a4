import type { CompareTarget } from './compare-types.js';

export type CompareChoice = 'head' | 'branch' | 'file';

/** Why a git revision is not offered in Restricted Mode (shown when one is asked for anyway). */
export const RESTRICTED_GIT = 'Comparing with a git revision runs git in this workspace, and a repository\'s own settings (hooks, fsmonitor) can run its code: trust the workspace first, or compare with another file.';

/**
 * What "Compare Architecture with…" offers. git reads the repository's configuration, which
 * can name programs to run, so in an untrusted workspace (Restricted Mode) only another
 * file is offered, as VS Code's own git support is off there.
 */
export function compareChoices(trusted: boolean): Array<{ label: string; description: string; choice: CompareChoice }> {
    const all = [
        { label: 'HEAD', description: 'the last commit', choice: 'head' as const },
        { label: 'A branch…', description: 'a local or remote branch', choice: 'branch' as const },
        { label: 'Another file…', description: 'a .arch file', choice: 'file' as const },
    ];
    return trusted ? all : all.filter(item => item.choice === 'file');
}

/** A target given by a caller (a command link, another extension) that Restricted Mode refuses. */
export function refusedTarget(target: CompareTarget, trusted: boolean): string | undefined {
    return !trusted && target.kind === 'revision' ? RESTRICTED_GIT : undefined;
}
