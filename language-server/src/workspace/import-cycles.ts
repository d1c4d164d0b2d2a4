import type { LangiumDocument, LangiumDocuments } from 'langium';
import type { Model } from '../../generated/ast.js';
import { resolveImports } from './imports.js';

/**
 * The documents that lie on a cycle of imports (Tarjan's strongly connected components,
 * iterative): found once for the workspace, so that each document need not walk its whole
 * closure looking for a way back to itself.
 */
export function documentsInImportCycles(documents: readonly LangiumDocument<Model>[], langiumDocuments: LangiumDocuments): Set<string> {
    const edges = new Map<string, string[]>();
    for (const doc of documents) {
        edges.set(doc.uri.toString(), resolveImports(doc, langiumDocuments).flatMap(i => (i.document ? [i.uri.toString()] : [])));
    }
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const onStack = new Set<string>();
    const stack: string[] = [];
    const inCycles = new Set<string>();
    let counter = 0;
    for (const start of edges.keys()) {
        if (index.has(start)) continue;
        const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
        index.set(start, counter); low.set(start, counter++); stack.push(start); onStack.add(start);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            const targets = edges.get(frame.node) ?? [];
            if (frame.next < targets.length) {
                const target = targets[frame.next++];
                if (!edges.has(target)) continue;
                if (!index.has(target)) {
                    index.set(target, counter); low.set(target, counter++); stack.push(target); onStack.add(target);
                    work.push({ node: target, next: 0 });
                } else if (onStack.has(target)) {
                    low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
                }
                continue;
            }
            work.pop();
            if (work.length > 0) {
                const parent = work[work.length - 1].node;
                low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
            }
            if (low.get(frame.node) === index.get(frame.node)) {
                const component: string[] = [];
                let member: string;
                do {
                    member = stack.pop()!;
                    onStack.delete(member);
                    component.push(member);
                } while (member !== frame.node);
                if (component.length > 1) component.forEach(uri => inCycles.add(uri));
            }
        }
    }
    return inCycles;
}
