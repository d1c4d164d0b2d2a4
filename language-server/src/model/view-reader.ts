import type { AstNode } from 'langium';
import type { Flow, FlowCall, View, ViewPattern } from '../../generated/ast.js';
import { isAllPattern, isFilterPattern, isFlowParallel, isIdPattern, isIncomingPattern } from '../../generated/ast.js';
import type { ModelRelation, RelationKind, SourceLocation } from './model-types.js';
import { VIEW_DIRECTIONS, viewLevel, type ModelFlow, type ModelFlowStep, type ModelView, type ViewPatternSpec } from './view-types.js';

type Locate = (node: AstNode, property: string) => SourceLocation;

const STEP_KINDS: Readonly<Record<string, RelationKind>> = { '->': 'sync', '~>': 'async', '..>': 'observe' };

/** A `view` declaration as the model holds it; patterns whose reference did not resolve are left out (the linker reports them). */
export function readView(node: View, locate: Locate): ModelView {
    const direction = node.directions?.at(-1);
    const level = node.levels?.at(-1);
    return {
        id: node.name ?? '',
        label: node.label ?? node.name ?? '',
        title: node.titles?.at(-1),
        direction: direction !== undefined ? VIEW_DIRECTIONS[direction] : undefined,
        level: level !== undefined ? viewLevel(String(level)) : undefined,
        includes: (node.includes ?? []).flatMap(patternOf),
        excludes: (node.excludes ?? []).flatMap(patternOf),
        location: locate(node, 'name'),
        node,
    };
}

function patternOf(node: ViewPattern): ViewPatternSpec[] {
    if (isAllPattern(node)) return [{ type: 'all', node }];
    if (isFilterPattern(node)) return node.value ? [{ type: node.filter, value: node.value, node }] : [];
    const id = (isIdPattern(node) || isIncomingPattern(node)) ? node.target?.ref?.name : undefined;
    if (id === undefined) return [];
    if (isIncomingPattern(node)) return [{ type: 'incoming', id, node }];
    return [{ type: isIdPattern(node) && node.members ? 'members' : isIdPattern(node) && node.outgoing ? 'outgoing' : 'id', id, node }];
}

/** A `flow` with its steps numbered; the relations the steps take are found when the model is whole (`resolveFlow`). */
export function readFlow(node: Flow, locate: Locate): ModelFlow {
    const steps: ModelFlowStep[] = [];
    let order = 0;
    for (const step of node.steps ?? []) {
        if (isFlowParallel(step)) {
            const calls = step.steps ?? [];
            calls.forEach((call, i) => steps.push(stepOf(call, order, calls.length > 1 ? `${order + 1}${letter(i)}` : `${order + 1}`, calls.length > 1, locate)));
            if (calls.length > 0) order++;
        } else {
            steps.push(stepOf(step, order, `${order + 1}`, false, locate));
            order++;
        }
    }
    return { id: node.name ?? '', label: node.label ?? node.name ?? '', steps, location: locate(node, 'name'), node };
}

function stepOf(call: FlowCall, order: number, number: string, parallel: boolean, locate: Locate): ModelFlowStep {
    return {
        number, order, parallel,
        kind: STEP_KINDS[call.arrow] ?? 'sync',
        arrow: call.arrow,
        sourceId: call.source?.ref?.name,
        targetId: call.target?.ref?.name,
        label: call.label,
        optional: call.optional === true,
        awaited: call.awaited === true,
        location: locate(call, 'arrow'),
        node: call,
    };
}

function letter(i: number): string {
    return i < 26 ? String.fromCharCode(97 + i) : `.${i + 1}`;
}

/**
 * The relation each step takes: one between the same ends whose arrow matches (a `~>`
 * step also takes a function's trigger), preferring the one with the step's label.
 */
export function resolveFlow(flow: ModelFlow, relationsFrom: (id: string) => readonly ModelRelation[]): ModelFlow {
    const steps = flow.steps.map(step => {
        if (step.sourceId === undefined || step.targetId === undefined) return step;
        const candidates = relationsFrom(step.sourceId).filter(r => r.targetId === step.targetId && matches(step.kind, r.kind));
        const relation = candidates.find(r => step.label !== undefined && r.label === step.label) ?? candidates[0];
        return relation ? { ...step, relationId: relation.id } : step;
    });
    return { ...flow, steps };
}

function matches(step: RelationKind, relation: RelationKind): boolean {
    return step === relation || (step === 'async' && relation === 'trigger');
}
