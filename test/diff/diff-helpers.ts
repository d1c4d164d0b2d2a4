import { clearDocuments } from 'langium/test';
import { collectDiagnostics } from '../../language-server/src/cli/diagnostics.js';
import type { DiffPlace, ModelDiff } from '../../language-server/src/diff/diff-types.js';
import type { SideFinding } from '../../language-server/src/diff/finding-changes.js';
import { diffModels, type DiffSide } from '../../language-server/src/diff/model-diff.js';
import type { SourceLocation } from '../../language-server/src/model/model-types.js';
import { buildWorkspace, type TestServices } from '../helpers/services.js';

/** One side, in a workspace of its own: its model and what `check` reports on it. */
export async function side(services: TestServices, name: string, text: string): Promise<DiffSide> {
    await clearDocuments(services.shared);
    const docs = await buildWorkspace(services, { [`${name}.arch`]: text });
    const doc = docs[`${name}.arch`];
    const model = services.Arch.model.ModelProvider.getModel(doc);
    const findings: SideFinding[] = collectDiagnostics([doc], '/ws').flatMap(d => d.severity === 'hint' ? [] : [{
        rule: d.code ?? 'syntax-error', severity: d.severity, message: d.message, subject: d.subject,
        place: { file: d.display, line: d.line, uri: d.file },
    }]);
    return { name, model, findings };
}

export const placeOf = (location: SourceLocation): DiffPlace => ({
    file: location.uri.split('/').pop()!, line: location.range.start.line + 1, uri: location.uri,
});

export async function diffTexts(services: TestServices, before: string, after: string): Promise<ModelDiff> {
    const old = await side(services, 'before', before);
    const now = await side(services, 'after', after);
    return diffModels(old, now, placeOf);
}

/** The item changes one per line, as a reviewer reads them: `element orders: renamed(from payments), changed[replicas 1→3]`. */
export function changeLines(diff: ModelDiff): string[] {
    return diff.items.map(i => {
        const props = i.properties.map(p => `${p.name} ${p.before ?? '-'}→${p.after ?? '-'}`).join(', ');
        const from = i.oldId ? ` from ${i.oldId}` : '';
        const moved = i.changes.includes('moved') ? ` ${i.groupBefore ?? '(top)'}⇒${i.groupAfter ?? '(top)'}` : '';
        return `${i.type} ${i.id}: ${i.changes.join('+')}${from}${moved}${props ? ` [${props}]` : ''}`;
    });
}
