import { closest, distance } from 'fastest-levenshtein';
import type { Node, ParseError } from 'jsonc-parser';
import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { SeveritySetting } from '../rule.js';
import { SEVERITY_SETTINGS } from '../rule.js';
import type { RuleRegistry } from '../rule-registry.js';
import type { ConfigProblem, RuleSettings, RulesSettings } from './rule-settings.js';
import { newTable, ownValue } from '../../util/own-keys.js';

// In a module of its own, so that the replay of a kept drawing (cli/render-memo.ts) finds it without the parser.
export { CONFIG_FILE_NAME } from './config-file-name.js';

const PARSE_MESSAGES: Readonly<Record<string, string>> = {
    InvalidSymbol: 'unexpected character', InvalidNumberFormat: 'invalid number', PropertyNameExpected: 'expected a property name in double quotes',
    ValueExpected: 'expected a value', ColonExpected: "expected ':'", CommaExpected: "expected ','", CloseBraceExpected: "expected '}'",
    CloseBracketExpected: "expected ']'", EndOfFileExpected: 'expected the end of the file', InvalidCommentToken: 'invalid comment',
    UnexpectedEndOfComment: 'unterminated comment', UnexpectedEndOfString: 'unterminated string', UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid unicode escape', InvalidEscapeCharacter: 'invalid escape character', InvalidCharacter: 'invalid character in string',
};

export interface ParsedConfig {
    readonly settings: RulesSettings;
    readonly problems: ConfigProblem[];
}

/**
 * Reads the text of an `archsight.config.json` (comments and trailing commas allowed, as
 * in tsconfig). Every mistake becomes a problem with its line and column; the valid
 * entries still apply.
 */
export function parseConfigText(text: string, registry: RuleRegistry, uri?: string): ParsedConfig {
    const parsed = parseConfigTextUncapped(text, registry, uri);
    if (parsed.problems.length <= MAX_CONFIG_PROBLEMS) return parsed;
    const shown = parsed.problems.slice(0, MAX_CONFIG_PROBLEMS);
    const last = shown[shown.length - 1];
    return { ...parsed, problems: [...shown, { ...last, message: `More than ${MAX_CONFIG_PROBLEMS} problems in this configuration: only the first ${MAX_CONFIG_PROBLEMS} are reported.` }] };
}

/** Problems reported from one configuration, as syntax errors are capped in a `.arch` file. */
const MAX_CONFIG_PROBLEMS = 100;

/** Larger configuration files are not read: a real one is a few hundred bytes. */
export const MAX_CONFIG_BYTES = 256 * 1024;

function parseConfigTextUncapped(text: string, registry: RuleRegistry, uri?: string): ParsedConfig {
    const at = positionsOf(text, uri);
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { allowTrailingComma: true });
    if (errors.length > 0) {
        return { settings: {}, problems: errors.map(e => at(e.offset, e.length, `Invalid JSON: ${PARSE_MESSAGES[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error)}.`)) };
    }
    if (!root || root.type !== 'object') {
        return { settings: {}, problems: [at(root?.offset ?? 0, root?.length ?? 0, 'The configuration must be a JSON object such as { "rules": { … } }.')] };
    }
    const problems: ConfigProblem[] = [];
    let settings: RulesSettings = {};
    for (const property of root.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key?.value === 'rules' && value) {
            settings = readRules(value, registry, (node, message) => problems.push(at(node.offset, node.length, message)));
        } else if (key?.value !== '$schema') {
            problems.push(at(key.offset, key.length, `Unknown setting '${key?.value}'; the configuration has "rules".`));
        }
    }
    return { settings, problems };
}

/**
 * Reads the `archsight.rules` editor setting, which has the shape of the config's
 * "rules" object. Problems carry no position: they belong to the settings, not a file.
 */
export function parseRulesSetting(value: unknown, registry: RuleRegistry): ParsedConfig {
    if (value === undefined || value === null) return { settings: {}, problems: [] };
    const root = parseTree(JSON.stringify(value));
    const problems: ConfigProblem[] = [];
    const settings = root ? readRules(root, registry, (_node, message) => problems.push({ message: `Setting archsight.rules: ${message}` })) : {};
    return { settings, problems };
}

type Report = (node: Node, message: string) => void;

function readRules(node: Node, registry: RuleRegistry, report: Report): RulesSettings {
    if (node.type !== 'object') {
        report(node, '"rules" must be an object: { "rule-id": "off" | "info" | "warning" | "error" | { "severity": …, thresholds } }.');
        return {};
    }
    const result = newTable<RuleSettings>();
    for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        const id = String(key.value);
        const rule = registry.get(id);
        if (!rule) {
            report(key, `Unknown rule '${id}'.${suggest(id, registry.ids())}`);
            continue;
        }
        if (!value) continue;
        if (value.type === 'string') {
            const severity = readSeverity(value, report);
            if (severity) result[id] = { severity };
            continue;
        }
        if (value.type !== 'object') {
            report(value, `Rule '${id}' takes a severity (${SEVERITY_SETTINGS.join(', ')}) or an object with "severity" and thresholds.`);
            continue;
        }
        let severity: SeveritySetting | undefined;
        const thresholds = newTable<number>();
        for (const entry of value.children ?? []) {
            const [name, setting] = entry.children ?? [];
            const field = String(name.value);
            if (field === 'severity') {
                if (setting) severity = readSeverity(setting, report);
                continue;
            }
            const spec = ownValue(rule.thresholds, field);
            if (!spec) {
                const known = Object.keys(rule.thresholds ?? {});
                report(name, `Rule '${id}' has no setting '${field}'; it takes "severity"${known.length ? ` and ${known.map(k => `"${k}"`).join(', ')}` : ''}.`);
            } else if (!setting || setting.type !== 'number' || !Number.isInteger(setting.value) || setting.value < spec.min) {
                report(setting ?? name, `'${field}' of rule '${id}' must be a whole number of at least ${spec.min}.`);
            } else {
                thresholds[field] = setting.value;
            }
        }
        result[id] = { severity, thresholds };
    }
    return result;
}

function readSeverity(node: Node, report: Report): SeveritySetting | undefined {
    if (node.type === 'string' && SEVERITY_SETTINGS.includes(node.value)) return node.value as SeveritySetting;
    report(node, `Unknown severity ${JSON.stringify(node.value)}; use one of ${SEVERITY_SETTINGS.join(', ')}.`);
    return undefined;
}

/** " Did you mean 'x'?" when a known id is close enough to be a typo. */
export function suggest(id: string, known: readonly string[]): string {
    if (known.length === 0) return '';
    const best = closest(id, known);
    return distance(id, best) <= Math.max(2, Math.floor(id.length / 3)) ? ` Did you mean '${best}'?` : '';
}

function positionsOf(text: string, uri: string | undefined) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    // A binary search: a walk from the first line per problem made a 400 KB file take a minute.
    const position = (offset: number) => {
        let low = 0;
        let high = starts.length - 1;
        while (low < high) {
            const middle = (low + high + 1) >> 1;
            if (starts[middle] <= offset) low = middle;
            else high = middle - 1;
        }
        return { line: low + 1, column: offset - starts[low] + 1 };
    };
    return (offset: number, length: number, message: string): ConfigProblem => {
        const start = position(offset);
        const end = position(offset + length);
        return { message, uri, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    };
}
