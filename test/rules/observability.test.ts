import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { arch, check, createRuleTestServices, diagnosticsOf, findingsOf, fixAndRecheck, relatedOf } from './rule-test-kit.js';

const services = createRuleTestServices();
afterEach(() => clearDocuments(services.shared));

describe('missing-telemetry', () => {
    const stack = arch(`  service orders
  service payments
  function resize
  metrics prometheus
  traces jaeger
  agent jaegerAgent
  orders ..> prometheus
  orders ..> jaegerAgent
  jaegerAgent ..> jaeger
  resize ..> prometheus
  resize ..> jaegerAgent`);

    test('a service that sends none of the signals the architecture collects', async () => {
        const doc = await check(services, stack);
        expect(findingsOf(doc, 'missing-telemetry')).toEqual([
            "3:11 warning Service 'payments' sends no metrics or traces, though the architecture has 'prometheus' and 'jaeger'.",
        ]);
        expect(relatedOf(diagnosticsOf(doc, 'missing-telemetry')[0])).toEqual(["5:11 'prometheus' collects metrics", "6:10 'jaeger' collects traces"]);
    });

    test('near misses: no back ends; through a sidecar; through a group; pulled by the back end; inside a stack', async () => {
        const quiet = [
            arch('service a\nservice b\na -> b { timeout 1s }'),
            arch('metrics p\nservice a { sidecar ap : envoy }\nap ..> p'),
            arch('metrics p\nsystem shop { service a }\nshop ..> p'),
            arch('metrics p\nservice a\np -> a "scrape"'),
            arch('metrics p\nstack obs { service grafanaBackend }'),
        ];
        for (const text of quiet) expect(findingsOf(await check(services, text), 'missing-telemetry'), text).toEqual([]);
    });

    test('quick fix: link it the way the others are linked', async () => {
        const doc = await check(services, stack);
        const { text, findings, errors } = await fixAndRecheck(services, doc, 'missing-telemetry', /Send metrics or traces/);
        expect(text).toContain("  service payments\n  payments ..> prometheus : metrics\n  payments ..> jaegerAgent : traces\n");
        expect(findings).toEqual([]);
        expect(errors).toEqual([]);
    });

    test('suppressed by a comment', async () => {
        const doc = await check(services, stack.replace('  service payments', '  // archsight-ignore missing-telemetry: batch job\n  service payments'));
        expect(findingsOf(doc, 'missing-telemetry')).toEqual([]);
    });
});

describe('missing-health-check', () => {
    const mixed = arch('  service orders { health "/healthz" }\n  service payments\n  service invoices { health false }');

    test('once the architecture uses health, every service without one', async () => {
        const doc = await check(services, mixed);
        expect(findingsOf(doc, 'missing-health-check')).toEqual([
            "3:11 warning Service 'payments' has no health check, while 'orders' declares one.",
            "4:11 warning Service 'invoices' has no health check, while 'orders' declares one.",
        ]);
        expect(relatedOf(diagnosticsOf(doc, 'missing-health-check')[0])).toEqual(["2:11 'orders' declares a health check"]);
    });

    test('near misses: nobody writes health; gateways and functions are not asked', async () => {
        expect(findingsOf(await check(services, arch('service a\nservice b')), 'missing-health-check')).toEqual([]);
        expect(findingsOf(await check(services, arch('service a { health }\ngateway g\nfunction f')), 'missing-health-check')).toEqual([]);
    });

    test('quick fix: declare a health endpoint', async () => {
        const doc = await check(services, mixed);
        const { text, findings } = await fixAndRecheck(services, doc, 'missing-health-check', /health check/);
        expect(text).toContain('service payments { health "/healthz" }');
        expect(findings).toEqual(["4:11 warning Service 'invoices' has no health check, while 'orders' and 'payments' declare one."]);
    });

    test('suppressed by a comment', async () => {
        const doc = await check(services, arch('  service a { health }\n  // archsight-ignore missing-health-check: checked by TCP\n  service b'));
        expect(findingsOf(doc, 'missing-health-check')).toEqual([]);
    });
});

describe('alerts-without-alertmanager', () => {
    const alone = arch('  service orders\n  metrics prometheus : prometheus { alerts 12 }\n  orders ..> prometheus');

    test('Prometheus with alert rules and no Alertmanager', async () => {
        const doc = await check(services, alone);
        expect(findingsOf(doc, 'alerts-without-alertmanager')).toEqual([
            "3:11 warning 'prometheus' has 12 alert rules but no Alertmanager: the alerts fire and nobody is notified.",
        ]);
    });

    test('near misses: linked to alerting; no alerts; a managed back end that notifies itself', async () => {
        const quiet = [
            arch('metrics prometheus : prometheus { alerts 3 }\nalerting am\nprometheus ..> am'),
            arch('metrics prometheus : prometheus { alerts 0 }'),
            arch('metrics cw : cloudwatch { managed alerts 9 }'),
        ];
        for (const text of quiet) expect(findingsOf(await check(services, text), 'alerts-without-alertmanager'), text).toEqual([]);
    });

    test('quick fix: add an Alertmanager, or link the one there is', async () => {
        const added = await fixAndRecheck(services, await check(services, alone), 'alerts-without-alertmanager', /Add Alertmanager/);
        expect(added.text).toContain('  alerting alertmanager "Alertmanager" : alertmanager\n  prometheus -> alertmanager : http "alerts"\n');
        expect(added.findings).toEqual([]);
        expect(added.errors).toEqual([]);
        const linked = await fixAndRecheck(services, await check(services, alone.replace('  service orders', '  service orders\n  alerting am')), 'alerts-without-alertmanager', /Send 'prometheus' alerts to 'am'/);
        expect(linked.findings).toEqual([]);
    });

    test('suppressed by a comment', async () => {
        const doc = await check(services, alone.replace('  metrics', '  // archsight-ignore alerts-without-alertmanager: Grafana alerting\n  metrics'));
        expect(findingsOf(doc, 'alerts-without-alertmanager')).toEqual([]);
    });
});

describe('unbuffered-log-pipeline', () => {
    const pipeline = (volume: string) => arch(`  service orders { volume ${volume} }
  shipper filebeat
  collector logstash
  logs elasticsearch
  orders ..> filebeat : logs
  filebeat ..> logstash
  logstash ..> elasticsearch`);

    test('high-volume logs straight from the shipper to the indexer', async () => {
        const doc = await check(services, pipeline('high'));
        expect(findingsOf(doc, 'unbuffered-log-pipeline')).toEqual([
            "7:3 warning Shipper 'filebeat' sends high-volume logs to 'elasticsearch' with no buffer in between (filebeat → logstash → elasticsearch).",
        ]);
        expect(relatedOf(diagnosticsOf(doc, 'unbuffered-log-pipeline')[0])).toEqual(["2:11 'orders' is marked volume high"]);
    });

    test('near misses: low volume; a buffer on the way', async () => {
        expect(findingsOf(await check(services, pipeline('low')), 'unbuffered-log-pipeline')).toEqual([]);
        const buffered = pipeline('high').replace('  filebeat ..> logstash', '  bus kafka\n  filebeat ~> kafka\n  kafka ~> logstash');
        expect(findingsOf(await check(services, buffered), 'unbuffered-log-pipeline')).toEqual([]);
    });

    test('suppressed by a comment above the first hop', async () => {
        const doc = await check(services, pipeline('high').replace('  filebeat ..>', '  // archsight-ignore unbuffered-log-pipeline: sampled\n  filebeat ..>'));
        expect(findingsOf(doc, 'unbuffered-log-pipeline')).toEqual([]);
    });
});

describe('external elements are a third party\'s business', () => {
    test('no telemetry or health check is asked of them', async () => {
        const doc = await check(services, arch('  service orders { health }\n  service psp : stripe { external }\n  metrics p\n  orders ..> p\n  orders -> psp { timeout 2s }'));
        expect(findingsOf(doc, 'missing-telemetry')).toEqual([]);
        expect(findingsOf(doc, 'missing-health-check')).toEqual([]);
    });
});
