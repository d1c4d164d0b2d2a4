/**
 * The ```arch code blocks of a markdown page and what each promises. The info string
 * after `arch` says how to check a block:
 * - nothing: a whole file that validates without errors;
 * - `fragment`: members that validate once wrapped in an `architecture` block;
 * - `file=<path>`: a file under that path, so that other blocks can import it;
 * - `invalid`: a file that must produce errors.
 * Inside any block, a line ending in `// error: <text>` or `// warning: <text>` must
 * get a diagnostic of that severity on that line whose message contains the text.
 */
export interface DocBlock {
    /** The line of the opening fence, counted from 1. */
    readonly line: number;
    readonly fragment: boolean;
    readonly invalid: boolean;
    readonly file?: string;
    /** The text to validate (a fragment already wrapped). */
    readonly text: string;
    readonly expected: readonly ExpectedDiagnostic[];
}

export interface ExpectedDiagnostic {
    readonly severity: 'error' | 'warning';
    /** The line in `text`, counted from 0. */
    readonly line: number;
    readonly message: string;
}

const FENCE = /^```arch\b(.*)$/;
const EXPECTATION = /\/\/\s*(error|warning):\s*(.+?)\s*$/;

export function archBlocks(markdown: string): DocBlock[] {
    const lines = markdown.split(/\r?\n/);
    const blocks: DocBlock[] = [];
    for (let i = 0; i < lines.length; i++) {
        const open = FENCE.exec(lines[i]);
        if (!open) continue;
        const info = open[1].trim().split(/\s+/).filter(Boolean);
        const end = lines.indexOf('```', i + 1);
        if (end < 0) throw new Error(`Unclosed arch block at line ${i + 1}`);
        const body = lines.slice(i + 1, end);
        const fragment = info.includes('fragment');
        const offset = fragment ? 1 : 0;
        const expected = body.flatMap((text, n) => {
            const m = EXPECTATION.exec(text);
            return m ? [{ severity: m[1] as 'error' | 'warning', line: n + offset, message: m[2] }] : [];
        });
        blocks.push({
            line: i + 1,
            fragment,
            invalid: info.includes('invalid'),
            file: info.find(t => t.startsWith('file='))?.slice('file='.length),
            text: fragment ? `architecture "Fragment" {\n${body.join('\n')}\n}\n` : body.join('\n') + '\n',
            expected,
        });
        i = end;
    }
    return blocks;
}
