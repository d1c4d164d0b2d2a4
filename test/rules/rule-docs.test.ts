import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { BUILTIN_RULES } from '../../language-server/src/rules/rule-registry.js';
import { defaultThresholds, type Rule } from '../../language-server/src/rules/rule.js';
import { check, createRuleTestServices, diagnosticsOf } from './rule-test-kit.js';

const services = createRuleTestServices();
afterEach(() => clearDocuments(services.shared));

const ROOT = path.resolve(__dirname, '../..');
const DOCS = path.join(ROOT, 'docs/rules');
const ruleIds = new Set(BUILTIN_RULES.map(r => r.id));

/** The index of docs/rules/README.md, rendered from the registry (`UPDATE_RULE_DOCS=1` rewrites the file). */
function renderIndex(rules: readonly Rule[]): string {
    const rows = rules.map(r => `| [${r.id}](${r.id}.md) | ${r.group} | ${r.defaultSeverity} | ${r.description.replace(/\|/g, '\\|')} |`);
    return [
        '# Rules',
        '',
        'The anti-patterns `archsight` reports, in the editor and in `archsight check`. Each page says why',
        'the smell matters, where it is described, shows an architecture that triggers the rule and one',
        'that does not, and how to fix it. Configure severities and thresholds in `archsight.config.json`',
        '(see the main README) and suppress a single finding with `// archsight-ignore <rule-id>: reason`',
        'on the line above the element or relation.',
        '',
        '| rule | group | default | what it finds |',
        '| --- | --- | --- | --- |',
        ...rows,
        '',
    ].join('\n');
}

/** The ```arch bad / ```arch good examples of a page. */
function examples(page: string, kind: 'bad' | 'good'): string[] {
    return [...page.matchAll(new RegExp('```arch ' + kind + '\\n([\\s\\S]*?)```', 'g'))].map(m => m[1]);
}

describe('rule pages', () => {
    test('every registered rule has a page, and every page a registered rule', () => {
        const pages = readdirSync(DOCS).filter(f => f.endsWith('.md') && f !== 'README.md').map(f => f.replace(/\.md$/, ''));
        expect(pages.sort()).toEqual([...ruleIds].sort());
    });

    test('the index lists every rule with its group, default severity and description', () => {
        const file = path.join(DOCS, 'README.md');
        if (process.env.UPDATE_RULE_DOCS) writeFileSync(file, renderIndex(BUILTIN_RULES));
        expect(readFileSync(file, 'utf8')).toBe(renderIndex(BUILTIN_RULES));
    });

    test('the main README has a row for every rule', () => {
        const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
        const section = readme.slice(readme.indexOf('## Rules'));
        for (const rule of BUILTIN_RULES) expect(section).toContain(`| [${rule.id}](docs/rules/${rule.id}.md) | ${rule.group} | ${rule.defaultSeverity} |`);
    });

    test('the archsight.rules editor setting offers every rule id', () => {
        const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
        const setting = pkg.contributes.configuration.properties['archsight.rules'];
        expect(setting.propertyNames.enum).toEqual(BUILTIN_RULES.map(r => r.id));
    });

    for (const rule of BUILTIN_RULES) {
        describe(rule.id, () => {
            const file = path.join(DOCS, `${rule.id}.md`);
            const page = existsSync(file) ? readFileSync(file, 'utf8') : '';

            test('the page has the sections a reader looks for and documents the thresholds', () => {
                expect(page.startsWith(`# ${rule.id}\n`)).toBe(true);
                for (const heading of ['## Why it matters', '## Where the smell is described', '## Example', '## How to fix it']) expect(page).toContain(heading);
                for (const [name, spec] of Object.entries(rule.thresholds ?? {})) expect(page).toContain(`\`${name}\` (default ${spec.default})`);
            });

            test('its bad example fires the rule and its good example does not', async () => {
                const [bad, good] = [examples(page, 'bad'), examples(page, 'good')];
                expect(bad.length).toBeGreaterThan(0);
                expect(good.length).toBeGreaterThan(0);
                for (const text of [...bad, ...good]) {
                    const doc = await check(services, text);
                    // Examples are valid .arch: the only errors allowed are rule findings.
                    const languageErrors = (doc.diagnostics ?? []).filter(d => d.severity === 1 && !ruleIds.has(String(d.code)));
                    expect(languageErrors.map(d => d.message)).toEqual([]);
                    // An opt-in rule is off by default: its examples are checked with it on.
                    const fires = rule.optIn
                        ? rule.check(services.Arch.model.ModelProvider.getModel(doc), { thresholds: defaultThresholds(rule) }).length > 0
                        : diagnosticsOf(doc, rule.id).length > 0;
                    expect(fires, `${bad.includes(text) ? 'bad' : 'good'} example:\n${text}`).toBe(bad.includes(text));
                }
            });
        });
    }
});
