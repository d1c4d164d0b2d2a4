import { describe, expect, test } from 'vitest';
import { findingElements, scoreSystem, scoreTotal, type Finding, type Smell } from '../../eval/score.mjs';

const MODEL = `architecture "Tiny" {
  service cart : node
  service catalogue : node { replicas 1 }
  database mongo : mongodb
  cart -> catalogue : http
  cart -> mongo
  catalogue -> mongo
}`.split('\n');

const warning = (line: number, code: string, message: string): Finding => ({ line, severity: 'warning', code, message });

describe('findingElements', () => {
    test('the subject is both ends of the relation on the finding\'s line; the ids its message quotes are mentioned', () => {
        const call = findingElements(warning(5, 'missing-timeout', 'A call without timeout.'), MODEL);
        expect([...call.subject].sort()).toEqual(['cart', 'catalogue']);
        const shared = findingElements(warning(4, 'shared-database', "'mongo' is used by 'cart' and 'catalogue'."), MODEL);
        expect([...shared.subject]).toEqual(['mongo']);
        expect([...shared.all].sort()).toEqual(['cart', 'catalogue', 'mongo']);
    });

    test('the subject of a declaration\'s line is its id', () => {
        expect([...findingElements(warning(3, 'single-replica', 'One replica.'), MODEL).subject]).toEqual(['catalogue']);
    });
});

describe('scoreSystem', () => {
    const smells: Smell[] = [
        { rule: 'missing-timeout', elements: ['cart', 'catalogue'] },
        { rule: 'shared-database', elements: ['mongo'] },
        { rule: 'missing-health-check', elements: ['cart'] },
    ];

    test('a finding counts when its rule matches and it names every element of the smell', () => {
        const findings = [
            warning(5, 'missing-timeout', 'No timeout.'),
            warning(4, 'shared-database', "'mongo' is shared."),
            warning(3, 'single-replica', 'One replica.'),
        ];
        const score = scoreSystem(findings, smells, MODEL);
        expect(score.found.map(f => f.smell.rule)).toEqual(['missing-timeout', 'shared-database']);
        expect(score.missed.map(m => m.smell.rule)).toEqual(['missing-health-check']);
        expect(score.recall).toBeCloseTo(2 / 3);
        expect(score.precision).toBeCloseTo(2 / 3);
        expect(score.falsePositives.map(f => f.code)).toEqual(['single-replica']);
    });

    test('the right rule on other elements, or another rule on the right elements, is not a match', () => {
        const findings = [
            warning(6, 'missing-timeout', 'No timeout.'),          // cart -> mongo, not cart -> catalogue
            warning(5, 'fixed-endpoint', 'Fixed endpoint.'),       // cart -> catalogue, other rule
        ];
        const score = scoreSystem(findings, smells, MODEL);
        expect(score.found).toEqual([]);
        expect(score.precision).toBe(0);
        expect(score.recall).toBe(0);
    });

    test('an element a message quotes as context is not the finding\'s subject', () => {
        const finding = warning(2, 'missing-health-check', "Service 'cart' has no health check, while 'catalogue' declares one.");
        const score = scoreSystem([finding], [{ rule: 'missing-health-check', elements: ['catalogue'] }], MODEL);
        expect(score.recall).toBe(0);
        expect(score.falsePositives.map(f => f.code)).toEqual(['missing-health-check']);
    });

    test('a smell of the whole architecture matches any finding of its rule', () => {
        const finding = warning(1, 'no-observability-backend', 'No metrics, logs or traces back end.');
        const score = scoreSystem([finding], [{ rule: 'no-observability-backend', elements: [] }], MODEL);
        expect(score.recall).toBe(1);
        expect(score.precision).toBe(1);
    });

    test('info findings count for recall but not for precision', () => {
        const findings = [{ line: 2, severity: 'info', code: 'missing-health-check', message: 'No health check.' }];
        const score = scoreSystem(findings, smells, MODEL);
        expect(score.found.map(f => f.smell.rule)).toEqual(['missing-health-check']);
        expect(score.findings).toBe(0);
        expect(score.precision).toBeNull();
    });

    test('one finding naming a whole cycle matches the smell of each pair inside it', () => {
        const lines = ['architecture "C" {', '  service a', '  service b', '  service c', '}'];
        const cycle = warning(2, 'sync-cycle', "Synchronous calls form a cycle: 'a' → 'b' → 'c' → 'a'.");
        const score = scoreSystem([cycle], [{ rule: 'sync-cycle', elements: ['a', 'c'] }], lines);
        expect(score.recall).toBe(1);
        expect(score.precision).toBe(1);
    });
});

test('scoreTotal pools the counts of every system', () => {
    const a = scoreSystem([warning(5, 'missing-timeout', '')], [{ rule: 'missing-timeout', elements: ['cart', 'catalogue'] }], MODEL);
    const b = scoreSystem([warning(3, 'single-replica', '')], [{ rule: 'shared-database', elements: ['mongo'] }, { rule: 'sync-cycle', elements: ['cart'] }], MODEL);
    expect(scoreTotal([a, b])).toEqual({ smells: 3, found: 1, findings: 2, truePositives: 1, recall: 1 / 3, precision: 1 / 2 });
});
