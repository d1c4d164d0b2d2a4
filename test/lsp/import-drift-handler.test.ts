import * as path from 'node:path';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { handleDrift, handleImport } from '../../language-server/src/lsp/import-drift-handler.js';
import { createTestServices } from '../helpers/services.js';

const FIXTURES = path.join(__dirname, '../import/fixtures');
const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

describe('archsight/import and archsight/drift requests', () => {
    test('import answers with the formatted model and its size', async () => {
        const answer = await handleImport({ sources: [path.join(FIXTURES, 'robot-shop/docker-compose.yaml')], title: 'robot-shop' });
        expect(answer).toMatchObject({ elements: 12, relations: 12 });
        expect(answer.text).toContain('architecture "robot-shop" {\n');
    });

    test('a bad source is an error in the answer, not a rejected request', async () => {
        expect(await handleImport({ sources: [path.join(FIXTURES, 'SOURCES.md')], title: 'x' })).toEqual({
            error: expect.stringMatching(/SOURCES\.md' is not a Kubernetes manifest|is not valid YAML/),
        });
        expect(await handleDrift(services.shared, services.Arch, { uri: 'file:///nowhere/missing.arch', sources: [] })).toHaveProperty('error');
    });

    test('drift answers with findings placed on the model, undeclared calls with their ends', async () => {
        const document = await services.parse('architecture "Shop" {\n  service web\n  service cart\n  cache redis : redis\n  web -> cart\n}\n', { validation: true });
        const answer = await handleDrift(services.shared, services.Arch, { uri: document.uri.toString(), sources: [path.join(FIXTURES, 'robot-shop/docker-compose.yaml')] });
        const undeclared = answer.findings!.find(f => f.code === 'drift-undeclared-call');
        expect(undeclared).toMatchObject({ uri: document.uri.toString(), range: { start: { line: 2 } }, call: { sourceId: 'cart', targetId: 'redis', arrow: '->' } });
        expect(answer.findings!.filter(f => f.code === 'drift-undeclared-element').map(f => f.range)).toEqual(Array(9).fill(undefined));
    });
});
