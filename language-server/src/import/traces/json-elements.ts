import { ImportError } from '../imported-system.js';

/**
 * Splits a large JSON text into the elements of its top-level arrays without holding the
 * whole tree: `{"data": [trace, trace, …]}` (Jaeger), `{"resourceSpans": [...]}` (OTLP),
 * one such object per line (the collector's file exporter writes JSON lines), or a bare
 * array of traces. Each element is handed over as text together with the key of its array.
 * Only strings, escapes and brackets are tracked, so a chunk may end anywhere.
 */
export class JsonElementSplitter {
    private depth = 0;
    private inString = false;
    private escaped = false;
    /** The last string read at depth 1 (a key of the root object). */
    private keyStart = -1;
    private key = '';
    private pendingKey = '';
    /** The key of the array whose elements are being cut out, or undefined. */
    private arrayKey: string | undefined;
    private elementParts: string[] = [];
    private elementStart = -1;
    private started = false;
    private keyParts: string[] = [];
    /** Whether an array of a wanted key (or a bare top-level array) was met. */
    sawWanted = false;

    constructor(private readonly wanted: ReadonlySet<string>, private readonly onElement: (key: string, text: string) => void, private readonly display: string) {}

    write(chunk: string): void {
        const elementLevel = 3;
        let from = this.elementStart >= 0 || this.elementParts.length > 0 ? 0 : -1;
        for (let i = 0; i < chunk.length; i++) {
            const c = chunk.charCodeAt(i);
            if (this.inString) {
                if (this.escaped) this.escaped = false;
                else if (c === 92 /* \ */) this.escaped = true;
                else if (c === 34 /* " */) {
                    this.inString = false;
                    if (this.depth === 1) {
                        this.keyParts.push(chunk.slice(Math.max(this.keyStart, 0), i));
                        this.pendingKey = this.keyParts.join('');
                        this.keyParts = [];
                        this.keyStart = -1;
                    }
                }
                continue;
            }
            if (c === 32 || c === 10 || c === 13 || c === 9) continue;
            if (!this.started) {
                if (c !== 123 /* { */ && c !== 91 /* [ */) throw new ImportError(`'${this.display}' is not JSON: it does not start with '{' or '['.`);
                this.started = true;
            }
            if (c === 34) {
                this.inString = true;
                if (this.depth === 1) this.keyStart = i + 1;
            } else if (c === 58 /* : */ && this.depth === 1) {
                this.key = this.pendingKey;
            } else if (c === 123 || c === 91) {
                this.depth++;
                if (this.depth === 1 && c === 91) { this.arrayKey = '[]'; this.depth = 2; this.sawWanted = true; }
                else if (this.depth === 2 && c === 91 && this.wanted.has(this.key)) { this.arrayKey = this.key; this.sawWanted = true; }
                else if (this.depth === elementLevel && this.arrayKey !== undefined) { this.elementStart = i; from = i; }
            } else if (c === 125 || c === 93) {
                if (this.depth === elementLevel && this.arrayKey !== undefined && from >= 0) {
                    this.elementParts.push(chunk.slice(from, i + 1));
                    const text = this.elementParts.join('');
                    this.elementParts = [];
                    this.elementStart = -1;
                    from = -1;
                    this.onElement(this.arrayKey === '[]' ? 'data' : this.arrayKey, text);
                }
                this.depth--;
                if (this.depth === 1 && this.arrayKey !== undefined && this.arrayKey !== '[]') this.arrayKey = undefined;
                if (this.depth === 1 && this.arrayKey === '[]') { this.arrayKey = undefined; this.depth = 0; }
                if (this.depth < 0) throw new ImportError(`'${this.display}' is not valid JSON: a bracket closes that was never opened.`);
            }
        }
        if (this.inString && this.depth === 1 && this.keyStart >= 0) { this.keyParts.push(chunk.slice(this.keyStart)); this.keyStart = 0; }
        if (from >= 0 && this.arrayKey !== undefined) this.elementParts.push(chunk.slice(from));
        if (this.elementStart >= 0) this.elementStart = 0;
    }

    end(): void {
        if (!this.started) throw new ImportError(`'${this.display}' is empty, not a trace file.`);
        if (this.depth !== 0 || this.inString) throw new ImportError(`'${this.display}' is not valid JSON: it ends in the middle of a value.`);
    }
}
