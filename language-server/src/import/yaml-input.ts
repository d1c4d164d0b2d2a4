import { parseAllDocuments } from 'yaml';
import { ImportError } from './imported-system.js';

/** A YAML or JSON value as plain data. */
export type Data = null | boolean | number | string | Data[] | { [key: string]: Data };

export function isRecord(value: unknown): value is Record<string, Data> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every document of a YAML text as plain data (`---` separates documents; `<<` merge keys
 * are applied, as Compose does). A syntax error is one line naming the file and the line.
 */
export function parseYamlDocuments(text: string, display: string): Data[] {
    const documents = parseAllDocuments(text, { merge: true, prettyErrors: true, uniqueKeys: false });
    if (!Array.isArray(documents)) return [];
    const result: Data[] = [];
    for (const document of documents) {
        const error = document.errors[0];
        if (error) {
            const line = error.linePos?.[0]?.line;
            throw new ImportError(`'${display}' is not valid YAML${line ? ` (line ${line})` : ''}: ${firstLine(error.message)}`);
        }
        result.push(document.toJS({ maxAliasCount: 1000 }) as Data);
    }
    return result;
}

function firstLine(message: string): string {
    return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** A string, number or boolean as text; anything else undefined. */
export function scalarText(value: unknown): string | undefined {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return undefined;
}
