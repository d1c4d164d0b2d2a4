import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseConfigText } from '../../language-server/src/rules/config/parse-config.js';
import { RuleRegistry } from '../../language-server/src/rules/rule-registry.js';
import { runCli } from '../helpers/cli.js';

// A configuration file meets limits like a .arch file: its size, and the problems it reports.
const registry = new RuleRegistry();

describe('archsight.config.json limits', () => {
    test('20,000 unknown rules over 20,000 lines: the first 100 problems and one line that says so, at once', () => {
        const text = `{ "rules": {\n${Array.from({ length: 20_000 }, (_, i) => `  "no-such-rule-${i}": "off"`).join(',\n')}\n} }`;
        const started = performance.now();
        const { problems } = parseConfigText(text, registry, 'file:///ws/archsight.config.json');
        expect(performance.now() - started).toBeLessThan(5_000);
        expect(problems).toHaveLength(101);
        expect(problems[0]).toMatchObject({ line: 2, column: 3, message: "Unknown rule 'no-such-rule-0'." });
        expect(problems[99]).toMatchObject({ line: 101 });
        expect(problems[100].message).toBe('More than 100 problems in this configuration: only the first 100 are reported.');
    });

    test('a configuration over 256 KB is not read: one line says so', () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'archsight-config-'));
        writeFileSync(path.join(dir, 'a.arch'), 'service a\n');
        writeFileSync(path.join(dir, 'archsight.config.json'), `{ "rules": {} ${' '.repeat(300 * 1024)}}`);
        const r = runCli(['check', 'a.arch'], dir);
        expect(r.stderr).toMatch(/^archsight check: archsight.config.json[:\d ]*Too large for a configuration \(301 KB > 256 KB limit\)\.\n$/);
        expect(r.code).toBe(2);
    });
});
