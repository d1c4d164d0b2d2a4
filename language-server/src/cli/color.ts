/**
 * Colour for a terminal: on when the output is a TTY, off with `--no-color`, `NO_COLOR`
 * (https://no-color.org) or when piped or written to a file; `--color` or FORCE_COLOR turn it on.
 */
export function wantsColor(flags: { color?: boolean; 'no-color'?: boolean }, isTTY: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
    if (flags['no-color']) return false;
    if (flags.color) return true;
    // As in Node itself: FORCE_COLOR wins over NO_COLOR.
    if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
    return isTTY === true && env.TERM !== 'dumb';
}

export interface Painter {
    readonly error: (text: string) => string;
    readonly warning: (text: string) => string;
    readonly info: (text: string) => string;
    readonly dim: (text: string) => string;
    readonly ok: (text: string) => string;
}

const ansi = (open: number) => (text: string) => `\u001b[${open}m${text}\u001b[0m`;

export const COLORS: Painter = { error: ansi(31), warning: ansi(33), info: ansi(36), dim: ansi(2), ok: ansi(32) };

const plain = (text: string) => text;
export const NO_COLORS: Painter = { error: plain, warning: plain, info: plain, dim: plain, ok: plain };
