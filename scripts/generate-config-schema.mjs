// Writes schemas/archsight.config.schema.json from the rule registry (through the built CLI's
// `archsight rules --format json`): VS Code validates and completes archsight.config.json with
// it (package.json `jsonValidation`), and `archsight init` points `$schema` at it.
// `--check` fails when the committed schema is stale (test/package/config-schema.test.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = `${root}schemas/archsight.config.schema.json`;

export function configSchema(rules) {
    const severity = { enum: ['off', 'info', 'warning', 'error'], description: 'off, or the severity of its findings' };
    const properties = Object.fromEntries(rules.map(rule => {
        const thresholds = Object.entries(rule.thresholds);
        const described = `${rule.description} (${rule.group}; default: ${rule.severity}) ${rule.docs}`;
        const setting = {
            description: described,
            markdownDescription: `${rule.description}\n\n*${rule.group}*, default **${rule.severity}** — [docs](${rule.docs})`,
            anyOf: [
                { ...severity, default: rule.severity },
                {
                    type: 'object',
                    properties: {
                        severity,
                        ...Object.fromEntries(thresholds.map(([name, spec]) => [name, { type: 'integer', minimum: spec.min, default: spec.default, description: spec.description }])),
                    },
                    additionalProperties: false,
                },
            ],
        };
        return [rule.id, setting];
    }));
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id: 'https://raw.githubusercontent.com/archsight/archsight/main/schemas/archsight.config.schema.json',
        title: 'Archsight configuration (archsight.config.json)',
        type: 'object',
        properties: {
            $schema: { type: 'string' },
            rules: { type: 'object', description: 'Severity and thresholds of the architecture rules, by rule id.', properties, additionalProperties: false },
        },
        additionalProperties: false,
    };
}

const isMain = process.argv[1] === fileURLToPath(import.meta.url);
if (isMain) {
    const rules = JSON.parse(execFileSync(process.execPath, [`${root}bin/archsight.cjs`, 'rules', '--format', 'json'], { encoding: 'utf8' }));
    const text = JSON.stringify(configSchema(rules), null, 2) + '\n';
    if (process.argv.includes('--check')) {
        if (readFileSync(target, 'utf8') !== text) {
            console.error('schemas/archsight.config.schema.json is stale: run `node scripts/generate-config-schema.mjs`.');
            process.exit(1);
        }
    } else {
        writeFileSync(target, text);
    }
}
