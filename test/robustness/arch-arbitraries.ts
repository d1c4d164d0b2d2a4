import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

/**
 * Inputs for the never-crash tests: the shipped samples and a small corpus of our own,
 * mutated the way editing and pasting mutate files, plus token soup and random text.
 */

const SAMPLES = path.resolve(__dirname, '../../samples');

/** Every `.arch` file under `samples/`, read once. */
export const SAMPLE_TEXTS: readonly string[] = readdirSync(SAMPLES, { recursive: true, encoding: 'utf8' })
    .filter(f => f.endsWith('.arch'))
    .sort()
    .map(f => readFileSync(path.join(SAMPLES, f), 'utf8'));

/** Small files that touch every construct of the language. */
export const OWN_CORPUS: readonly string[] = [
    'architecture "Shop" {\n  client web "Web" : browser\n  gateway edge : kong { exposure public tls }\n  service orders "Orders" : go { replicas 3 }\n  database ordersDb : postgres { owner orders }\n  web -> edge : https\n  edge -> orders : rest "POST /orders" { timeout 2s retries 2 breaker }\n  orders -> ordersDb\n}\n',
    'import "./other.arch"\nservice a\nbus events : kafka\na ~> events "Placed"\nmetrics prom : prometheus\na ..> prom : metrics\n',
    'architecture "Mesh" {\n  mesh m {\n    control-plane cp : istio { component pilot }\n    service s { sidecar envoy : envoy }\n  }\n  monolith app {\n    layer ui { component view }\n    layer logic { component rules }\n  }\n  view -> rules\n}\n',
    'architecture "FaaS" {\n  storage uploads : s3 { managed }\n  timer nightly { schedule "0 3 * * *" }\n  function resize : node { trigger uploads "ObjectCreated" trigger nightly memory 512mb }\n  // archsight-ignore orphan-element\n  logs cw : cloudwatch\n  resize ..> cw\n}\n',
];

export const CORPUS: readonly string[] = [...SAMPLE_TEXTS, ...OWN_CORPUS];

const VOCABULARY = [
    'architecture', 'import', 'service', 'database', 'gateway', 'function', 'system', 'mesh', 'layer', 'monolith',
    'control-plane', 'sidecar', 'trigger', 'owner', 'replicas', 'timeout', 'breaker', 'metrics', 'logs', 'traces',
    '{', '}', '->', '~>', '..>', ':', '"', "'", '"label"', '2s', '3', '-1', '/*', '*/', '//', '\n', 'a', 'b', 'x.y-z/1',
];

/** Tokens as an editor sees them: words, strings, comments, arrows, punctuation, whitespace. */
export function tokenize(text: string): string[] {
    return text.match(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|\/\/[^\n]*|\/\*[\s\S]*?\*\/|\.\.>|->|~>|[\w.-]+|\s+|./g) ?? [];
}

/** Hostile text: control characters, bidi marks, lone surrogates, markup, emoji, long words. */
const hostileText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom('\u0000', '\u202e', '\u200f', '\ud800', '\udfff', '\ufeff', '\r', '\r\n', '\u2028', '<script>alert(1)</script>',
        '"><img src=x onerror=alert(1)>', ']]>', '</svg>', '🚀🔥', 'x'.repeat(5_000), '\\', '"\\', '/*', '{'.repeat(50)),
    fc.constantFrom(...VOCABULARY),
);

type Mutation = (tokens: string[]) => string[];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.nat().map(i => (t: string[]) => t.filter((_, j) => j !== i % Math.max(t.length, 1))),
    fc.nat().map(i => (t: string[]) => { const j = i % Math.max(t.length, 1); return [...t.slice(0, j + 1), ...t.slice(j)]; }),
    fc.tuple(fc.nat(), fc.nat()).map(([i, k]) => (t: string[]) => {
        if (t.length < 2) return t;
        const copy = [...t];
        const a = i % t.length, b = k % t.length;
        [copy[a], copy[b]] = [copy[b], copy[a]];
        return copy;
    }),
    fc.tuple(fc.nat(), hostileText).map(([i, s]) => (t: string[]) => { const j = i % (t.length + 1); return [...t.slice(0, j), s, ...t.slice(j)]; }),
    fc.tuple(fc.nat(), fc.nat(40)).map(([i, n]) => (t: string[]) => { const j = i % Math.max(t.length, 1); return [...t.slice(0, j), ...t.slice(j + n)]; }),
);

/** A corpus file after a few token mutations, then truncated at a random character, token or line (or not at all). */
export const mutatedArch: fc.Arbitrary<string> = fc.tuple(
    fc.constantFrom(...CORPUS),
    fc.array(mutation, { minLength: 1, maxLength: 6 }),
    fc.oneof(fc.constant(undefined), fc.double({ min: 0, max: 1, noNaN: true })),
    fc.constantFrom('char', 'line', 'token'),
).map(([text, mutations, cut, unit]) => {
    const mutated = mutations.reduce((tokens, m) => m(tokens), tokenize(text)).join('');
    if (cut === undefined) return mutated;
    if (unit === 'char') return mutated.slice(0, Math.floor(mutated.length * cut));
    const parts = unit === 'line' ? mutated.split('\n') : tokenize(mutated);
    return parts.slice(0, Math.floor(parts.length * cut)).join(unit === 'line' ? '\n' : '');
});

/** Tokens of the language in random order. */
export const tokenSoup: fc.Arbitrary<string> = fc.array(fc.oneof(fc.constantFrom(...VOCABULARY), hostileText), { maxLength: 80 })
    .map(tokens => tokens.join(' '));

/** Anything at all: random code units, or random bytes read as UTF-8 as the editor would. */
export const randomText: fc.Arbitrary<string> = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc.uint8Array({ maxLength: 400 }).map(bytes => Buffer.from(bytes).toString('utf8')),
);

export const anyArch: fc.Arbitrary<string> = fc.oneof(
    { arbitrary: mutatedArch, weight: 4 },
    { arbitrary: tokenSoup, weight: 2 },
    { arbitrary: randomText, weight: 1 },
);
