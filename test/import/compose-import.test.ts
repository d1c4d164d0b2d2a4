import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { toId } from '../../language-server/src/import/ids.js';
import { FIXTURES, importFixture, relationLines } from './import-helpers.js';

const errors = (lines: string[]) => lines.filter(l => / error /.test(l));

describe('docker-compose: robot-shop', () => {
    test('every service of the file is an element, every depends_on a relation, and nothing else', async () => {
        const file = parse(readFileSync(path.join(FIXTURES, 'robot-shop/docker-compose.yaml'), 'utf8')) as { services: Record<string, { depends_on?: string[] }> };
        const { model, diagnostics } = await importFixture(['robot-shop/docker-compose.yaml']);
        expect([...model.elements.keys()]).toEqual(Object.keys(file.services).map(toId));
        const expected = Object.entries(file.services).flatMap(([name, s]) => (s.depends_on ?? []).map(d => `${name}->${d}`));
        expect(model.relations.map(r => `${r.sourceId}->${r.targetId}`).sort()).toEqual(expected.sort());
        expect(errors(diagnostics)).toEqual([]);
    });

    test('stores and brokers are recognised by image, services keep their image as technology, health and ports are read', async () => {
        const { model } = await importFixture(['robot-shop/docker-compose.yaml']);
        const show = (id: string) => {
            const e = model.elements.get(id)!;
            return `${e.kind} ${e.id} : ${e.technology ?? ''} ${JSON.stringify(e.properties)}`;
        };
        expect(['mongodb', 'redis', 'rabbitmq', 'mysql', 'cart', 'ratings', 'web', 'dispatch'].map(show)).toEqual([
            'database mongodb : mongodb {}',
            'cache redis : redis {}',
            'bus rabbitmq : rabbitmq {}',
            'database mysql : mysql {}',
            'service cart : rs-cart {"health":"/health"}',
            'service ratings : rs-ratings {"health":"/_health"}',
            'service web : rs-web {"health":"/","port":8080,"exposure":"public"}',
            'service dispatch : rs-dispatch {}',
        ]);
        // A message to a broker is asynchronous; calls to stores carry the store's protocol.
        expect(relationLines(model)).toContain('payment ~> rabbitmq : amqp');
        expect(relationLines(model)).toContain('cart -> redis : resp');
    });

    test('each element and relation says where it came from, and the header what was read and guessed', async () => {
        const { text } = await importFixture(['robot-shop/docker-compose.yaml']);
        expect(text).toContain('// Read:\n//   robot-shop/docker-compose.yaml (docker-compose 3, 12 services)\n');
        expect(text).toContain('//   mongodb is a database (mongodb), from its image.');
        expect(text).toContain('  // from robot-shop/docker-compose.yaml: services.cart\n  service cart : rs-cart { health "/health" }\n');
        expect(text).toContain('  // from robot-shop/docker-compose.yaml: services.web.depends_on\n  web -> catalogue\n');
    });
});

describe('docker-compose: piggymetrics with its override file', () => {
    test('the override file adds ports to the same services; gateway and registry are recognised by name', async () => {
        const { model, text } = await importFixture(['piggymetrics/docker-compose.yml', 'piggymetrics/docker-compose.dev.yml']);
        expect(model.elements.size).toBe(14);
        expect(model.elements.get('authService')).toMatchObject({ label: 'auth-service', properties: { port: 5000, exposure: 'public' } });
        expect(model.elements.get('gateway')?.kind).toBe('gateway');
        expect(model.elements.get('registry')?.kind).toBe('registry');
        expect(model.elements.get('authMongodb')).toMatchObject({ kind: 'database', properties: { port: 27017 } });
        expect(text).toContain('// from piggymetrics/docker-compose.yml: services.config, piggymetrics/docker-compose.dev.yml: services.config');
        // `depends_on: { config: { condition: service_healthy } }` is a relation as well.
        expect(relationLines(model)).toContain('accountService -> config');
    });
});

describe('docker-compose: include, extends, profiles, environment and secrets', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'archsight-compose-'));
    writeFileSync(path.join(dir, 'base.yml'), 'services:\n  java-base:\n    image: eclipse-temurin:21\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8080/actuator/health"]\n');
    writeFileSync(path.join(dir, 'data.yml'), 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2\n');
    writeFileSync(path.join(dir, 'compose.yaml'), [
        'include:', '  - data.yml',
        'services:',
        '  orders:',
        '    extends: { file: base.yml, service: java-base }',
        '    image: shop/orders:1.2',
        '    deploy: { replicas: 3 }',
        '    environment:',
        '      - DATABASE_URL=postgres://orders:${DB_PASSWORD}@db:5432/orders',
        '      - STOCK_HOST=stock',
        '      - KAFKA_BOOTSTRAP_SERVERS=kafka:9092',
        '    foo_bar: 1',
        '  stock:', '    image: shop/stock', '    expose: ["9000"]',
        '  kafka:', '    image: bitnami/kafka:3.7',
        '  debug-ui:', '    image: shop/debug', '    profiles: [debug]',
        '',
    ].join('\n'));

    test('include brings services in, extends copies the base service, profiles leave services out until asked for', async () => {
        const { model, system, diagnostics } = await importFixture(['compose.yaml'], { cwd: dir });
        expect([...model.elements.keys()].sort()).toEqual(['db', 'kafka', 'orders', 'stock']);
        expect(model.elements.get('orders')).toMatchObject({ technology: 'orders', properties: { replicas: 3, health: '/actuator/health' } });
        expect(model.elements.get('stock')?.properties).toEqual({ port: 9000 });
        expect(system.notes).toContain("compose.yaml: services.debug-ui: left out, its profiles (debug) are not active (use --profile).");
        // POSTGRES_PASSWORD: hunter2 is a literal secret: stated as such, so the reviewer reports it, and nothing else is an error.
        expect(model.elements.get('db')?.properties.secrets).toBe('literal');
        expect(errors(diagnostics).map(l => l.replace(/^\d+:\d+ /, ''))).toEqual([
            "error 'db' has its credentials written into its code or configuration: anyone who reads them can use them, and rotating them needs a release. [hardcoded-secret]",
        ]);
        const withDebug = await importFixture(['compose.yaml'], { cwd: dir, profiles: ['debug'] });
        expect(withDebug.model.elements.has('debugUi')).toBe(true);
    });

    test('environment variables that point at another service are relations; a literal secret is a note without its value', async () => {
        const { model, system, text } = await importFixture(['compose.yaml'], { cwd: dir });
        expect(relationLines(model)).toEqual(['orders -> db : sql', 'orders -> stock', 'orders ~> kafka : kafka']);
        expect(system.guesses).toContain('orders -> stock: from the environment variable STOCK_HOST.');
        expect(system.notes).toContain('data.yml: services.db: the secret POSTGRES_PASSWORD is written in the file as a literal; keep it in a secret store.');
        expect(text).not.toContain('hunter2');
        expect(system.notes.filter(n => n.includes("'foo_bar'"))).toEqual(["docker-compose: unknown service field 'foo_bar' is not read (first in compose.yaml: services.orders)."]);
    });

    test('a YAML file without services is not a compose file; broken YAML names its line', async () => {
        writeFileSync(path.join(dir, 'docker-compose.yml'), 'name: nothing here\n');
        writeFileSync(path.join(dir, 'broken.yml'), 'services:\n  a: [\n');
        await expect(importFixture(['docker-compose.yml'], { cwd: dir })).rejects.toThrow("'docker-compose.yml' is not a docker-compose file: it has no 'services'.");
        await expect(importFixture(['broken.yml'], { cwd: dir })).rejects.toThrow(/^'broken.yml' is not valid YAML \(line \d+\): /);
    });
});
