/**
 * Finds things in a file's text, so scenarios can work on the real samples (which other
 * people edit) instead of line numbers written into the test.
 */

export interface Spot {
    /** 1-based, as Go to Line and the status bar count. */
    readonly line: number;
    readonly column: number;
    readonly match: RegExpExecArray;
}

/** The first line that matches `pattern`; the column is where capture group `group` starts. */
export function findLine(text: string, pattern: RegExp, group = 0): Spot | undefined {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const match = pattern.exec(lines[i]);
        if (match) return { line: i + 1, column: lines[i].indexOf(match[group], match.index) + 1, match };
    }
    return undefined;
}

/** Like `findLine`, but fails with what it looked for when nothing matches. */
export function requireLine(text: string, pattern: RegExp, what: string, group = 0): Spot {
    const spot = findLine(text, pattern, group);
    if (!spot) throw new Error(`Expected the file to have ${what} (a line matching ${pattern}); it has none.`);
    return spot;
}

/** The text without `//` comments, so searches for ids do not count words in prose. */
export function withoutComments(text: string): string {
    return text.split('\n').map(line => line.replace(/\/\/.*$/, '')).join('\n');
}

/** How often `word` occurs as a whole word outside comments. */
export function countWord(text: string, word: string): number {
    return withoutComments(text).match(new RegExp(`\\b${word}\\b`, 'g'))?.length ?? 0;
}

/**
 * Scrambles only what the formatter owns: indentation (blank lines get spaces too), the
 * spaces around arrows, and blank lines between members (some become two).
 */
export function scrambleLayout(text: string): string {
    return text.split('\n').map((line, i) => {
        const flat = line.trimStart();
        const arrows = /^\w+ (->|~>|\.\.>) \w/.test(flat) ? flat.replace(/ (->|~>|\.\.>) /, '$1   ') : flat;
        return i % 3 === 0 && flat === '' ? '\n' : ' '.repeat(i % 5) + arrows;
    }).join('\n');
}

/** The 1-based line of the last member in the architecture block: the last text before its closing `}`. */
export function lastMemberLine(text: string): number {
    const lines = text.split('\n');
    let close = lines.length - 1;
    while (close > 0 && !/^\}\s*$/.test(lines[close])) close--;
    let last = close - 1;
    while (last > 0 && lines[last].trim() === '') last--;
    return last + 1;
}
