import type { LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { afterEach, describe, expect, test } from 'vitest';
import { findingsByItem } from '../../language-server/src/lsp/diagram-findings.js';
import { arch, createTestServices } from '../helpers/services.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

/** The findings of a document, one line per finding: `id severity message`, as a reviewer reads them. */
async function findingLines(text: string, diagnostics?: (doc: LangiumDocument) => Diagnostic[]): Promise<string[]> {
    const doc = await services.parse(text, { validation: true });
    const model = services.Arch.model.ModelProvider.getModel(doc);
    const findings = findingsByItem(model, doc.uri.toString(), diagnostics ? diagnostics(doc) : doc.diagnostics ?? []);
    return Object.entries(findings).flatMap(([id, list]) => list.map(f => `${id} ${f.severity} ${f.message}`));
}

/** A diagnostic on the first occurrence of `word` after `after` in the document. */
function at(doc: LangiumDocument, word: string, severity: DiagnosticSeverity, message: string, after = ''): Diagnostic {
    return { range: rangeOf(doc, word, after), severity, message };
}

function rangeOf(doc: LangiumDocument, word: string, after: string): Range {
    const text = doc.textDocument.getText();
    const offset = text.indexOf(word, text.indexOf(after));
    return { start: doc.textDocument.positionAt(offset), end: doc.textDocument.positionAt(offset + word.length) };
}

describe('diagnostics on the diagram', () => {
    test('a validation error on a relation goes to that relation', async () => {
        const lines = await findingLines(arch('service orders\ndatabase db\norders ..> db'));
        expect(lines).toContainEqual(expect.stringMatching(/^orders\.\.>db error '\.\.>' is an observability link/));
    });

    test('a diagnostic on a declaration goes to the element, and one in its body too', async () => {
        const lines = await findingLines(arch('service orders "Orders" {\n  replicas 1\n}\nservice shipping'), doc => [
            at(doc, 'orders', DiagnosticSeverity.Warning, 'name warning'),
            at(doc, 'replicas 1', DiagnosticSeverity.Information, 'body note'),
            at(doc, 'shipping', DiagnosticSeverity.Error, 'other element'),
        ]);
        expect(lines).toEqual([
            'orders warning name warning',
            'orders info body note',
            'shipping error other element',
        ]);
    });

    test('the innermost declaration wins: a sidecar rather than its service, a member rather than its group', async () => {
        const lines = await findingLines(arch('mesh shop {\n  service orders {\n    sidecar ordersProxy : envoy\n  }\n}'), doc => [
            at(doc, 'envoy', DiagnosticSeverity.Warning, 'on the sidecar'),
            at(doc, 'orders', DiagnosticSeverity.Warning, 'on the service'),
            at(doc, 'shop', DiagnosticSeverity.Error, 'on the mesh'),
        ]);
        expect(lines).toEqual([
            'ordersProxy warning on the sidecar',
            'orders warning on the service',
            'shop error on the mesh',
        ]);
    });

    test('hints and diagnostics outside every declaration are left out', async () => {
        const lines = await findingLines('architecture "T" {\n  service orders\n}\n', doc => [
            at(doc, 'architecture', DiagnosticSeverity.Error, 'on the title'),
            at(doc, 'orders', DiagnosticSeverity.Hint, 'a hint'),
        ]);
        expect(lines).toEqual([]);
    });

    test('the code of a diagnostic is kept', async () => {
        const doc = await services.parse(arch('service orders'));
        const model = services.Arch.model.ModelProvider.getModel(doc);
        const findings = findingsByItem(model, doc.uri.toString(), [{ ...at(doc, 'orders', DiagnosticSeverity.Warning, 'm'), code: 'some-rule' }]);
        expect(findings).toEqual({ orders: [{ severity: 'warning', message: 'm', code: 'some-rule' }] });
    });

    test("a finding on a flow's step goes to the relation the step takes; one on a step the model lacks goes nowhere", async () => {
        const text = arch('service orders\nservice pay\norders -> pay\nflow checkout {\n  orders -> pay\n  pay -> orders\n}');
        const lines = await findingLines(text, doc => [
            at(doc, 'orders -> pay', DiagnosticSeverity.Warning, 'the step may take longer than its budget', 'flow checkout'),
            at(doc, 'pay -> orders', DiagnosticSeverity.Warning, 'a step on no relation', 'flow checkout'),
        ]);
        expect(lines).toContain('orders->pay warning the step may take longer than its budget');
        expect(lines.filter(l => l.includes('a step on no relation'))).toEqual([]);
    });
});
