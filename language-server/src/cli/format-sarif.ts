import { pathToFileURL } from 'node:url';
import type { Rule } from '../rules/rule.js';
import { ruleDocsUrl } from '../rules/rule.js';
import type { BaselineState } from '../diff/baseline.js';
import type { FileDiagnostic } from './diagnostics.js';
import { LANGUAGE_CHECKS, LANGUAGE_DOCS_URL } from './language-checks.js';

declare const ARCHSIGHT_VERSION: string;

const LEVELS = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;
/** The rule id of diagnostics that carry no code (syntax errors). */
const SYNTAX = 'syntax-error';

interface SarifRule {
    id: string;
    name: string;
    shortDescription: { text: string };
    fullDescription: { text: string };
    help?: { text: string; markdown: string };
    helpUri?: string;
    defaultConfiguration: { level: string };
    properties: { tags: string[] };
}

/** How the run went: SARIF's `invocations` (the command line, and notices such as too many warnings). */
export interface SarifInvocation {
    readonly commandLine: string;
    readonly notifications: readonly string[];
}

/**
 * A SARIF 2.1.0 log, as code-scanning tools read it: one run, the rule catalogue with
 * help links in `tool.driver.rules`, one result per diagnostic whose location is
 * relative to the working folder (`%SRCROOT%`), and the invocation.
 */
export function formatSarif(diagnostics: readonly FileDiagnostic[], rules: readonly Rule[], cwd: string, invocation?: SarifInvocation, states?: readonly BaselineState[]): string {
    const catalogue: SarifRule[] = rules.map(rule => ({
        id: rule.id,
        name: pascalCase(rule.id),
        shortDescription: { text: rule.description },
        fullDescription: { text: plain(rule.explanation) },
        help: { text: plain(rule.explanation), markdown: rule.explanation },
        helpUri: ruleDocsUrl(rule.id),
        defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
        properties: { tags: ['architecture', rule.group] },
    }));
    const index = new Map(catalogue.map((r, i) => [r.id, i]));
    // Language checks (syntax, references, duplicates) get a catalogue entry each, so every result names a rule.
    for (const d of diagnostics) {
        const id = d.code ?? SYNTAX;
        if (index.has(id)) continue;
        index.set(id, catalogue.length);
        const known = LANGUAGE_CHECKS[id];
        catalogue.push({
            id, name: pascalCase(id),
            shortDescription: { text: `Archsight language check: ${id}.` },
            fullDescription: { text: known ? plain(known) : `The .arch file breaks a rule of the language (${id}).` },
            help: { text: `${plain(known ?? `The .arch file breaks a rule of the language (${id}).`)} See ${LANGUAGE_DOCS_URL}`, markdown: `${known ?? `The .arch file breaks a rule of the language (\`${id}\`).`}\n\n[The language reference](${LANGUAGE_DOCS_URL})` },
            helpUri: LANGUAGE_DOCS_URL,
            defaultConfiguration: { level: 'error' },
            properties: { tags: ['language'] },
        });
    }
    const results = diagnostics.map((d, i) => {
        const ruleId = d.code ?? SYNTAX;
        return {
            ruleId,
            ruleIndex: index.get(ruleId)!,
            level: LEVELS[d.severity],
            message: { text: d.message },
            locations: [location(d.display, d)],
            // Code scanning follows a result across edits by this, rather than by its line.
            partialFingerprints: { 'archsightFingerprint/v1': d.fingerprint },
            ...(states ? { baselineState: states[i] } : {}),
            ...(d.related && d.related.length > 0
                ? { relatedLocations: d.related.map((r, i) => ({ id: i + 1, ...location(r.display, r), message: { text: r.message } })) }
                : {}),
        };
    });
    const log = {
        $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'archsight',
                    semanticVersion: typeof ARCHSIGHT_VERSION === 'string' ? ARCHSIGHT_VERSION : '0.0.0-dev',
                    informationUri: 'https://github.com/archsight/archsight',
                    rules: catalogue,
                },
            },
            originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
            columnKind: 'utf16CodeUnits',
            results,
            invocations: [{
                executionSuccessful: true,
                ...(invocation ? { commandLine: invocation.commandLine } : {}),
                workingDirectory: { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href },
                toolExecutionNotifications: (invocation?.notifications ?? []).map(text => ({ level: 'warning', message: { text } })),
            }],
        }],
    };
    return JSON.stringify(log, null, 2) + '\n';
}

interface Span {
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
}

function location(display: string, span: Span) {
    return {
        physicalLocation: {
            artifactLocation: { uri: relativeUri(display), uriBaseId: 'SRCROOT' },
            region: { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn },
        },
    };
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
function relativeUri(display: string): string {
    return display.split(/[\\/]/).map(segment => encodeURIComponent(segment)).join('/');
}

function pascalCase(id: string): string {
    return id.split('-').map(w => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/** Markdown to plain text for the fields that do not render it. */
function plain(markdown: string): string {
    return markdown.replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]*)\*\*/g, '$1');
}
