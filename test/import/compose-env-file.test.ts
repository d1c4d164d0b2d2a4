import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importFixture, relationLines } from './import-helpers.js';

const errors = (lines: string[]) => lines.filter(l => / error /.test(l));

describe('docker-compose: env_file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'archsight-env-file-'));
    mkdirSync(path.join(dir, 'config'));
    mkdirSync(path.join(dir, 'app'));
    // Paths are relative to the compose file that names them (app/compose.yaml names ../config/…).
    writeFileSync(path.join(dir, 'config', 'orders.env'), '# where orders finds the others\nSTOCK_HOST=stock\nexport PAYMENTS_URL="http://payments:8080/"\nDB_PASSWORD=hunter2\n');
    writeFileSync(path.join(dir, 'config', 'override.env'), 'STOCK_HOST=inventory\n');
    writeFileSync(path.join(dir, 'app', 'compose.yaml'), [
        'services:',
        '  orders:', '    image: shop/orders',
        '    env_file: [../config/orders.env, { path: ../config/optional.env, required: false }]',
        '  audit:', '    image: shop/audit',
        '    env_file: ../config/override.env',
        '    environment: { STOCK_HOST: stock }',
        '  stock:', '    image: shop/stock',
        '  inventory:', '    image: shop/inventory',
        '  payments:', '    image: shop/payments',
        '  billing:', '    image: shop/billing', '    env_file: ./missing.env',
        '',
    ].join('\n'));

    test('variables of env files point at other services, relative to the compose file; environment wins over them', async () => {
        const { model, system, text, diagnostics } = await importFixture(['app/compose.yaml'], { cwd: dir });
        expect(relationLines(model)).toEqual(['orders -> stock', 'orders -> payments', 'audit -> stock']);
        expect(system.guesses).toContain('orders -> payments: from the environment variable PAYMENTS_URL.');
        // A literal secret in an env file is named, never copied.
        expect(system.notes).toContain('app/compose.yaml: services.orders: the secret DB_PASSWORD is written in an env file as a literal; keep it in a secret store.');
        expect(text).not.toContain('hunter2');
        // What the service is, in the model's words: the reviewer reports it, and nothing else is an error.
        expect(model.elements.get('orders')?.properties.secrets).toBe('literal');
        expect(errors(diagnostics).map(l => l.replace(/^\d+:\d+ /, ''))).toEqual([
            "error 'orders' has its credentials written into its code or configuration: anyone who reads them can use them, and rotating them needs a release. [hardcoded-secret]",
        ]);
    });

    test('a missing env file is one warning in the header, not a failure; an optional one (required: false) says nothing', async () => {
        const { system, text } = await importFixture(['app/compose.yaml'], { cwd: dir });
        expect(system.warnings).toEqual(["app/compose.yaml: services.billing: env_file 'app/missing.env' is not read (there is no such file); its variables are left out."]);
        expect(text).toContain("// Warnings:\n//   app/compose.yaml: services.billing: env_file 'app/missing.env' is not read (there is no such file); its variables are left out.\n");
        expect(text).not.toContain('optional.env');
    });

    test('an env file that is a folder is a warning too', async () => {
        writeFileSync(path.join(dir, 'folder.yaml'), 'services:\n  web:\n    image: nginx\n    env_file: config\n');
        const { system } = await importFixture(['folder.yaml'], { cwd: dir });
        expect(system.warnings).toEqual(["folder.yaml: services.web: env_file 'config' is not read (it is a folder); its variables are left out."]);
    });
});

describe('docker-compose: privileges as properties', () => {
    test('privileged, user root, the Docker socket and host directories become privileged, root, docker-socket and host-mount', async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'archsight-compose-priv-'));
        writeFileSync(path.join(dir, 'docker-compose.yml'), [
            'services:',
            '  builder:', '    image: jenkins/jenkins', '    privileged: true', '    user: root',
            '    volumes: ["/var/run/docker.sock:/var/run/docker.sock", "jenkins_home:/var/jenkins_home"]',
            '  web:', '    image: shop/web', '    user: "1000:1000"',
            '    volumes: [{ type: bind, source: ./static, target: /srv }]',
            '  api:', '    image: shop/api', '    volumes: ["data:/data"]',
            'volumes: { jenkins_home: {}, data: {} }',
            '',
        ].join('\n'));
        const { model, diagnostics } = await importFixture(['docker-compose.yml'], { cwd: dir });
        expect(model.elements.get('builder')?.properties).toEqual({ privileged: true, root: true, 'docker-socket': true });
        expect(model.elements.get('web')?.properties).toEqual({ root: false, 'host-mount': true });
        // Near miss: a named volume is not the host's files, and no user says nothing about root.
        expect(model.elements.get('api')?.properties).toEqual({});
        // The reviewer reports them (each line once; the test helper's document may carry a finding twice).
        expect([...new Set(diagnostics.filter(l => l.includes('excessive-privilege')))]).toEqual([
            expect.stringContaining("'builder' runs privileged (it can take over the host), and mounts the Docker socket (it can start any container on the host), and runs as root"),
            expect.stringContaining("'web' mounts a directory of the host"),
        ]);
    });
});
