import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { arch, check, createRuleTestServices, diagnosticsOf, findingsOf, fixAndRecheck, relatedOf } from './rule-test-kit.js';

const services = createRuleTestServices();
afterEach(() => clearDocuments(services.shared));

describe('function-calls-function', () => {
    const waits = arch('  gateway api\n  function upload { trigger api }\n  function quota\n  upload -> quota : lambda { timeout 3s }');

    test('a function that invokes another and waits', async () => {
        const doc = await check(services, waits);
        expect(findingsOf(doc, 'function-calls-function')).toEqual([
            "5:3 warning Function 'upload' calls function 'quota' synchronously: it waits, and pays, for the other to finish.",
        ]);
    });

    test('near misses: a message; a service calling a function', async () => {
        expect(findingsOf(await check(services, waits.replace('upload -> quota : lambda { timeout 3s }', 'upload ~> quota')), 'function-calls-function')).toEqual([]);
        expect(findingsOf(await check(services, arch('service s\nfunction f\ns -> f { timeout 1s }')), 'function-calls-function')).toEqual([]);
    });

    test('quick fix: make it asynchronous', async () => {
        const { text, findings, errors } = await fixAndRecheck(services, await check(services, waits), 'function-calls-function', /asynchronous/);
        expect(text).toContain('upload ~> quota : lambda');
        expect(findings).toEqual([]);
        // The call policy no longer applies to a message; validation says so, as a warning.
        expect(errors).toEqual([]);
    });

    test('suppressed by a comment', async () => {
        const doc = await check(services, waits.replace('  upload -> quota', '  // archsight-ignore function-calls-function: sub-100ms\n  upload -> quota'));
        expect(findingsOf(doc, 'function-calls-function')).toEqual([]);
    });
});

describe('function-without-trigger', () => {
    const idle = arch('  timer nightly { schedule "0 3 * * *" }\n  gateway api\n  function cleanup');

    test('a function nothing starts', async () => {
        const doc = await check(services, idle);
        expect(findingsOf(doc, 'function-without-trigger')).toEqual(["4:12 warning Function 'cleanup' has no trigger: nothing ever starts it."]);
    });

    test('near misses: a trigger; a message; a call', async () => {
        const quiet = [
            arch('timer t\nfunction f { trigger t }'),
            arch('queue q\nfunction f\nq ~> f'),
            arch('gateway g\nfunction f\ng -> f'),
        ];
        for (const text of quiet) expect(findingsOf(await check(services, text), 'function-without-trigger'), text).toEqual([]);
    });

    test('quick fix: offers the timers and gateways as triggers', async () => {
        const doc = await check(services, idle);
        const { text, findings, errors } = await fixAndRecheck(services, doc, 'function-without-trigger', /from timer 'nightly'/);
        expect(text).toContain('function cleanup { trigger nightly }');
        expect(findings).toEqual([]);
        expect(errors).toEqual([]);
        const other = await fixAndRecheck(services, await check(services, idle), 'function-without-trigger', /from gateway 'api'/);
        expect(other.text).toContain('function cleanup { trigger api }');
    });

    test('suppressed by a comment', async () => {
        const doc = await check(services, idle.replace('  function cleanup', '  // archsight-ignore function-without-trigger: run by hand\n  function cleanup'));
        expect(findingsOf(doc, 'function-without-trigger')).toEqual([]);
    });
});

describe('function-trigger-loop', () => {
    test('a function that writes where its trigger listens', async () => {
        const doc = await check(services, arch('  storage images\n  function resize { trigger images }\n  resize -> images : https "PutObject resized" { timeout 10s }'));
        expect(findingsOf(doc, 'function-trigger-loop')).toEqual([
            "4:3 error Function 'resize' writes to 'images', which triggers it: each write starts it again, in a loop.",
        ]);
        expect(relatedOf(diagnosticsOf(doc, 'function-trigger-loop')[0])).toEqual(["3:29 'images' triggers 'resize'"]);
    });

    test('a message back to the queue that triggers it', async () => {
        const doc = await check(services, arch('queue jobs\nfunction work { trigger jobs }\nwork ~> jobs'));
        expect(findingsOf(doc, 'function-trigger-loop')).toHaveLength(1);
    });

    test('near misses: reading the object that triggered it; an event the trigger does not listen to; another bucket', async () => {
        const quiet = [
            arch('storage images\nfunction resize { trigger images }\nresize -> images : https "GetObject" { timeout 10s }'),
            arch('bus events\nfunction ship { trigger events "PaymentCaptured" }\nship ~> events "ShipmentBooked"'),
            arch('storage images\nstorage thumbs\nfunction resize { trigger images }\nresize ~> thumbs'),
        ];
        for (const text of quiet) expect(findingsOf(await check(services, text), 'function-trigger-loop'), text).toEqual([]);
    });

    test('suppressed by a comment above the write', async () => {
        const doc = await check(services, arch('queue jobs\nfunction work { trigger jobs }\n// archsight-ignore function-trigger-loop: bounded by a counter\nwork ~> jobs'));
        expect(findingsOf(doc, 'function-trigger-loop')).toEqual([]);
    });
});
