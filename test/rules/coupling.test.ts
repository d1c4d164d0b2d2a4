import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { arch, check, createRuleTestServices, diagnosticsOf, findingsOf, relatedOf } from './rule-test-kit.js';

const services = createRuleTestServices();
afterEach(() => clearDocuments(services.shared));

describe('sync-cycle', () => {
    const cycle = arch(`  service orders
  service payments
  service invoices
  orders -> payments { timeout 1s }
  payments -> invoices { timeout 1s }
  invoices -> orders { timeout 1s }`);

    test('reports the cycle once, on its first call, with every hop', async () => {
        const doc = await check(services, cycle);
        expect(findingsOf(doc, 'sync-cycle')).toEqual(['5:3 error Synchronous call cycle: orders → payments → invoices → orders.']);
        expect(relatedOf(diagnosticsOf(doc, 'sync-cycle')[0])).toEqual([
            "5:3 'orders' calls 'payments'", "6:3 'payments' calls 'invoices'", "7:3 'invoices' calls 'orders'",
        ]);
    });

    test('near misses: one direction as a message; a chain without a way back', async () => {
        expect(findingsOf(await check(services, cycle.replace('invoices -> orders', 'invoices ~> orders')), 'sync-cycle')).toEqual([]);
        expect(findingsOf(await check(services, arch('service a\nservice b\nservice c\na -> b\nb -> c\na -> c')), 'sync-cycle')).toEqual([]);
    });

    test('one finding per strongly connected component, naming every member', async () => {
        const doc = await check(services, arch('service a\nservice b\nservice c\nservice d\na -> b\nb -> a\nb -> c\nc -> d\nd -> b'));
        expect(findingsOf(doc, 'sync-cycle').map(f => f.replace(/^\S+ \S+ /, ''))).toEqual([
            "Synchronous call cycle among 4 elements, 'a', 'b', 'c' and 'd': for example a → b → a.",
        ]);
        expect(relatedOf(diagnosticsOf(doc, 'sync-cycle')[0])).toHaveLength(5);
    });

    test('a startup call does not close a cycle', async () => {
        const doc = await check(services, cycle.replace('invoices -> orders { timeout 1s }', 'invoices -> orders { timeout 1s startup }'));
        expect(findingsOf(doc, 'sync-cycle')).toEqual([]);
    });

    test('two separate cycles are two findings', async () => {
        const doc = await check(services, arch('service a\nservice b\nservice c\nservice d\na -> b\nb -> a\nc -> d\nd -> c'));
        expect(findingsOf(doc, 'sync-cycle').map(f => f.replace(/^\S+ \S+ /, ''))).toEqual([
            'Synchronous call cycle: a → b → a.', 'Synchronous call cycle: c → d → c.',
        ]);
    });

    test('suppressed by a comment above the reported call', async () => {
        const doc = await check(services, cycle.replace('  orders -> payments', '  // archsight-ignore sync-cycle: being untangled\n  orders -> payments'));
        expect(findingsOf(doc, 'sync-cycle')).toEqual([]);
    });
});

describe('deep-sync-chain', () => {
    const chain = (extra = '') => arch(`  client web
  gateway edge { timeout 5s }
  service a
  service b
  service c
  service d
  database dDb
  web -> edge
  edge -> a
  a -> b { timeout 2s }
  b -> c { timeout 1s }
  c -> d { timeout 500ms }
  d -> dDb${extra}`);

    test('a chain deeper than 4 hops, reported at the first hop too many, with the path', async () => {
        const doc = await check(services, chain());
        expect(findingsOf(doc, 'deep-sync-chain')).toEqual([
            '13:3 warning Synchronous call chain of 5 hops (more than 4): web → edge → a → b → c → d.',
        ]);
        expect(relatedOf(diagnosticsOf(doc, 'deep-sync-chain')[0])).toEqual([
            "9:3 hop 1: 'web' calls 'edge'", "10:3 hop 2: 'edge' calls 'a'", "11:3 hop 3: 'a' calls 'b'",
            "12:3 hop 4: 'b' calls 'c'", "13:3 hop 5: 'c' calls 'd'",
        ]);
    });

    test('near misses: exactly 4 hops; the call into the database does not count', async () => {
        const doc = await check(services, chain().replace('  web -> edge\n', ''));
        expect(findingsOf(doc, 'deep-sync-chain')).toEqual([]);
    });

    test('one finding per over-deep chain: branches beyond the limit are named, not reported again', async () => {
        const doc = await check(services, chain('\n  service e\n  c -> e { timeout 500ms }'));
        expect(findingsOf(doc, 'deep-sync-chain')).toEqual([
            '13:3 warning Synchronous call chain of 5 hops (more than 4): web → edge → a → b → c → d (and 1 other branch beyond hop 4).',
        ]);
    });

    test('near miss: a branch that stays within the limit is no second finding and no other branch', async () => {
        const doc = await check(services, chain('\n  service e\n  b -> e { timeout 500ms }'));
        expect(findingsOf(doc, 'deep-sync-chain')).toEqual([
            '13:3 warning Synchronous call chain of 5 hops (more than 4): web → edge → a → b → c → d.',
        ]);
    });

    test('suppressed by a comment above the reported call', async () => {
        const doc = await check(services, chain().replace('  c -> d', '  // archsight-ignore deep-sync-chain: batch path\n  c -> d'));
        expect(findingsOf(doc, 'deep-sync-chain')).toEqual([]);
    });
});

describe('shared-database across systems of functions', () => {
    test('functions of two systems share a table; near miss: functions of one system use their own', async () => {
        const two = arch('  database table\n  system a { function a1 function a2 }\n  system b { component flow : aws/step-functions { managed } }\n  a1 -> table\n  a2 -> table\n  flow -> table');
        expect(findingsOf(await check(services, two), 'shared-database')).toEqual(["2:12 warning Database 'table' is shared by 2 services: 'a' and 'b'."]);
        expect(findingsOf(await check(services, arch('  database table\n  system a { function a1 function a2 }\n  a1 -> table\n  a2 -> table')), 'shared-database')).toEqual([]);
    });
});

describe('shared-database', () => {
    test('lists every service that uses the database', async () => {
        const doc = await check(services, arch('  service orders\n  service invoices\n  service reports\n  database shopDb\n  orders -> shopDb\n  invoices -> shopDb\n  reports ~> shopDb'));
        expect(findingsOf(doc, 'shared-database')).toEqual(["5:12 warning Database 'shopDb' is shared by 3 services: 'orders', 'invoices' and 'reports'."]);
        expect(relatedOf(diagnosticsOf(doc, 'shared-database')[0])).toEqual(["6:3 'orders' uses 'shopDb'", "7:3 'invoices' uses 'shopDb'", "8:3 'reports' uses 'shopDb'"]);
    });

    test('near misses: one user; members of one monolith; an owner declared; storage', async () => {
        const quiet = [
            arch('service a\ndatabase db\na -> db\na -> db'),
            arch('monolith app { layer l { component a component b } }\ndatabase db\na -> db\nb -> db'),
            arch('service a\nservice b\ndatabase db { owner a }\na -> db\nb -> db'),
            arch('function a\nfunction b\nstorage bucket\na -> bucket\nb -> bucket'),
        ];
        for (const text of quiet) expect(findingsOf(await check(services, text), 'shared-database'), text).toEqual([]);
    });

    test('suppressed by a comment above the database', async () => {
        const doc = await check(services, arch('  service a\n  service b\n  // archsight-ignore shared-database: migration in progress\n  database db\n  a -> db\n  b -> db'));
        expect(findingsOf(doc, 'shared-database')).toEqual([]);
    });
});

describe('foreign-data-access', () => {
    test("a service that uses another service's store", async () => {
        const doc = await check(services, arch('  service orders\n  service reports\n  database ordersDb { owner orders }\n  orders -> ordersDb\n  reports -> ordersDb'));
        expect(findingsOf(doc, 'foreign-data-access')).toEqual([
            "6:3 warning 'reports' uses 'ordersDb', which belongs to 'orders': ask 'orders' through its API instead.",
        ]);
        expect(relatedOf(diagnosticsOf(doc, 'foreign-data-access')[0])).toEqual(["4:12 'ordersDb' is owned by 'orders'"]);
    });

    test('near misses: the owner itself; no owner; functions of one group share their table', async () => {
        const quiet = [
            arch('service a\ndatabase db { owner a }\na -> db'),
            arch('service a\nservice b\ndatabase db\na -> db\nb -> db'),
            arch('system photos { function a function b database table { owner a } }\na -> table\nb -> table'),
        ];
        for (const text of quiet) expect(findingsOf(await check(services, text), 'foreign-data-access'), text).toEqual([]);
    });

    test('suppressed by a comment above the relation', async () => {
        const doc = await check(services, arch('  service a\n  service b\n  database db { owner a }\n  // archsight-ignore foreign-data-access: read replica\n  b -> db'));
        expect(findingsOf(doc, 'foreign-data-access')).toEqual([]);
    });
});

describe('hub-dependency', () => {
    const hub = (n: number) => arch([
        '  service identity',
        ...Array.from({ length: n }, (_, i) => `  service s${i}`),
        ...Array.from({ length: n }, (_, i) => `  s${i} -> identity { timeout 1s }`),
    ].join('\n'));

    const bystanders = (n: number) => Array.from({ length: n }, (_, i) => `\n  service other${i}`).join('');

    test('more callers than 40% of the workloads and than the floor of 3', async () => {
        const doc = await check(services, hub(6));
        expect(findingsOf(doc, 'hub-dependency')).toEqual([
            "2:11 warning 6 of 7 workloads call 'identity' synchronously (more than 3): 's0', 's1', 's2', 's3', 's4' and 's5'.",
        ]);
        expect(relatedOf(diagnosticsOf(doc, 'hub-dependency')[0])).toHaveLength(6);
        // In a system of 15 workloads, 6 callers are more than 40% (6).
        expect(findingsOf(await check(services, hub(7).replace('  service identity', `  service identity${bystanders(7)}`)), 'hub-dependency')).toHaveLength(1);
    });

    test('near misses: the same 6 callers in a system of 21 workloads; 3 callers (the floor); clients, messages and startup calls do not count', async () => {
        expect(findingsOf(await check(services, hub(6).replace('  service identity', `  service identity${bystanders(14)}`)), 'hub-dependency')).toEqual([]);
        expect(findingsOf(await check(services, hub(3)), 'hub-dependency')).toEqual([]);
        expect(findingsOf(await check(services, hub(3).replace('  service s0', '  service s0\n  client c1\n  c1 -> identity')), 'hub-dependency')).toEqual([]);
        expect(findingsOf(await check(services, hub(4).replace('s3 -> identity', 's3 ~> identity')), 'hub-dependency')).toEqual([]);
        expect(findingsOf(await check(services, hub(4).replace('s3 -> identity { timeout 1s }', 's3 -> identity { timeout 1s startup }')), 'hub-dependency')).toEqual([]);
    });

    test('suppressed by a comment', async () => {
        const doc = await check(services, hub(6).replace('  service identity', '  // archsight-ignore hub-dependency: platform service\n  service identity'));
        expect(findingsOf(doc, 'hub-dependency')).toEqual([]);
    });
});

describe('shared-deployment-unit', () => {
    test('services that name the same unit', async () => {
        const doc = await check(services, arch('  service orders { deployment "shop.war" }\n  service invoices { deployment "shop.war" }\n  service reports { deployment "reports" }'));
        expect(findingsOf(doc, 'shared-deployment-unit')).toEqual([`2:11 warning 2 services are packed into deployment unit "shop.war": 'orders' and 'invoices'.`]);
        expect(relatedOf(diagnosticsOf(doc, 'shared-deployment-unit')[0])).toEqual([`3:11 'invoices' is also deployed in "shop.war"`]);
    });

    test('near misses: different units; no deployment written', async () => {
        expect(findingsOf(await check(services, arch('service a { deployment "a" }\nservice b { deployment "b" }\nservice c\nservice d')), 'shared-deployment-unit')).toEqual([]);
    });

    test('suppressed by a comment above the first service', async () => {
        const doc = await check(services, arch('  // archsight-ignore shared-deployment-unit: split planned\n  service a { deployment "x" }\n  service b { deployment "x" }'));
        expect(findingsOf(doc, 'shared-deployment-unit')).toEqual([]);
    });
});

describe('technology-budget', () => {
    const polyglot = (techs: string[]) => arch(techs.map((t, i) => `  service s${i} : ${t}`).join('\n'));

    test('datastores and brokers are counted apart from languages, each against its own budget', async () => {
        const stores = arch('  service a : go\n  database d1 : postgres/16\n  database d2 : mysql\n  cache c1 : redis\n  storage s1 : s3\n  database d3 : postgres\n  bus b1 : kafka\n  queue q1 : rabbitmq');
        expect(findingsOf(await check(services, stores), 'technology-budget')).toEqual([
            '6:11 info 4 datastore technologies in use (budget 3): postgres, mysql, redis, s3.',
        ]);
        const brokers = arch('  bus b1 : kafka\n  queue q1 : rabbitmq\n  queue q2 : sqs\n  database d1 : postgres');
        expect(findingsOf(await check(services, brokers), 'technology-budget')).toEqual(['4:9 info 3 broker technologies in use (budget 2): kafka, rabbitmq, sqs.']);
        // Near miss: three stores of two technologies, two brokers.
        const within = arch('  database d1 : postgres\n  database d2 : postgres\n  cache c : redis\n  bus b1 : kafka\n  queue q : rabbitmq');
        expect(findingsOf(await check(services, within), 'technology-budget')).toEqual([]);
    });

    test('five languages over a budget of four, counting spring-boot as java', async () => {
        const doc = await check(services, polyglot(['go', '"java jax-ws"', 'spring-boot', 'python', 'rust', 'ruby']));
        expect(findingsOf(doc, 'technology-budget')).toEqual(['7:11 info 5 languages in use (budget 4): go, java, python, rust, ruby.']);
    });

    test('protocols between parts, not drivers of data stores', async () => {
        const doc = await check(services, arch(`  service a
  service b
  database db
  a -> b : https { timeout 1s }
  a -> b : grpc { timeout 1s }
  a ~> b : amqp
  a ~> b : kafka
  a -> b : soap { timeout 1s }
  a -> db : jdbc`));
        expect(findingsOf(doc, 'technology-budget')).toEqual(['9:3 info 5 protocols in use (budget 4): http, grpc, amqp, kafka, soap.']);
    });

    test('near misses: technologies that are no language; four languages', async () => {
        expect(findingsOf(await check(services, polyglot(['go', 'java', 'python', 'node', 'keycloak', 'aws-lambda'])), 'technology-budget')).toEqual([]);
    });
});
