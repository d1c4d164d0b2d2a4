import type { Property } from '../../generated/ast.js';
import { ELEMENT_KINDS, GROUP_KINDS } from '../model/kinds.js';
import type { ArchModel, ModelElement, ModelGroup, ModelRelation } from '../model/model-types.js';
import { ancestorGroups, incomingOf, outgoingOf } from '../model/model-types.js';
import { annotationLines } from './annotation-lines.js';

/**
 * Markdown cards shown on hover, read from the semantic model. Ids are identifiers and
 * safe as they are; labels, technologies and property texts are escaped.
 */

const RELATION_NAMES: Readonly<Record<ModelRelation['kind'], string>> = {
    sync: 'Synchronous call',
    async: 'Asynchronous message',
    observe: 'Observability link',
    trigger: 'Trigger',
};

const OUT_ARROWS: Readonly<Record<ModelRelation['kind'], string>> = { sync: '→', async: '~>', observe: '..>', trigger: 'triggers' };
const IN_ARROWS: Readonly<Record<ModelRelation['kind'], string>> = { sync: '←', async: '<~', observe: '<..', trigger: 'triggered by' };

/** Escapes the characters that markdown would read as formatting or HTML. */
export function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, ch => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`));
}

function code(id: string): string {
    return `\`${id}\``;
}

const CALL_POLICIES = new Set(['timeout', 'retries', 'breaker']);

/** Properties as written, so `timeout 2s` reads as the author wrote it; undefined when there are none. */
function written(properties: readonly Property[]): string | undefined {
    const texts = properties.map(p => escapeMarkdown(p.$cstNode?.text.replace(/\s+/g, ' ') ?? p.key));
    return texts.length > 0 ? texts.join(', ') : undefined;
}

function propertiesLine(properties: readonly Property[]): string | undefined {
    const text = written(properties.filter(p => p.key !== 'description'));
    return text && `Properties: ${text}`;
}

function description(properties: readonly Property[]): string | undefined {
    const value = properties.find(p => p.key === 'description')?.value;
    return value && 'text' in value && typeof value.text === 'string' ? escapeMarkdown(value.text) : undefined;
}

function relationText(r: ModelRelation, direction: 'out' | 'in'): string {
    const other = direction === 'out' ? r.targetId : r.sourceId;
    const arrow = (direction === 'out' ? OUT_ARROWS : IN_ARROWS)[r.kind];
    const extra = r.protocol ?? r.signal;
    return `${arrow} ${code(other)}${extra ? ` (${escapeMarkdown(extra)})` : ''}`;
}

function relationLines(model: ArchModel, id: string): string[] {
    const out = outgoingOf(model, id);
    const into = incomingOf(model, id);
    return [
        out.length > 0 ? `Out: ${out.map(r => relationText(r, 'out')).join(', ')}` : undefined,
        into.length > 0 ? `In: ${into.map(r => relationText(r, 'in')).join(', ')}` : undefined,
    ].filter((line): line is string => line !== undefined);
}

function groupLine(model: ArchModel, id: string): string | undefined {
    const groups = ancestorGroups(model, id);
    if (groups.length === 0) return undefined;
    return `Inside: ${groups.reverse().map(g => `${g.kind} ${code(g.id)}`).join(' › ')}`;
}

function heading(kind: string, id: string, label: string, technology: string | undefined): string {
    const title = label !== id ? ` — ${escapeMarkdown(label)}` : '';
    const tech = technology ? ` : ${escapeMarkdown(technology)}` : '';
    return `**${kind}** ${code(id)}${title}${tech}`;
}

/** Lines joined as one paragraph with hard breaks; paragraphs separated by blank lines. */
function card(head: string, about: string | undefined, lines: ReadonlyArray<string | undefined>): string {
    const body = lines.filter((line): line is string => line !== undefined).join('  \n');
    return [head, about, body].filter(part => part !== undefined && part.length > 0).join('\n\n');
}

export function elementCard(model: ArchModel, element: ModelElement): string {
    return card(
        heading(element.kind, element.id, element.label, element.technology),
        description(element.node.properties) ?? `*${ELEMENT_KINDS[element.kind].summary}*`,
        [
            propertiesLine(element.node.properties),
            element.hostId ? `Sidecar of ${code(element.hostId)}` : undefined,
            element.sidecarIds.length > 0 ? `Sidecars: ${element.sidecarIds.map(code).join(', ')}` : undefined,
            element.ownerId ? `Owner: ${code(element.ownerId)}` : undefined,
            ...annotationLines(element),
            groupLine(model, element.id),
            ...relationLines(model, element.id),
        ],
    );
}

export function groupCard(model: ArchModel, group: ModelGroup): string {
    const members = [...group.groupIds, ...group.elementIds];
    return card(
        heading(group.kind, group.id, group.label, group.technology),
        description(group.node.properties) ?? `*${GROUP_KINDS[group.kind]}*`,
        [
            propertiesLine(group.node.properties),
            members.length > 0 ? `Members: ${members.map(code).join(', ')}` : undefined,
            ...annotationLines(group),
            groupLine(model, group.id),
            ...relationLines(model, group.id),
        ],
    );
}

/** Call policies (timeout, retries, breaker) a call gets from its source's sidecar or mesh, if it has none of its own. */
function inheritedPolicies(model: ArchModel, r: ModelRelation): string | undefined {
    const source = model.elements.get(r.sourceId);
    const providers = [
        ...(source?.sidecarIds ?? []).map(id => model.elements.get(id)).filter((e): e is ModelElement => e !== undefined),
        ...ancestorGroups(model, r.sourceId).filter(g => g.kind === 'mesh'),
    ];
    for (const provider of providers) {
        const policies = written(provider.node.properties.filter(p => CALL_POLICIES.has(p.key)));
        if (policies) return `Policies from ${provider.kind} ${code(provider.id)}: ${policies}`;
    }
    return undefined;
}

function policiesLine(model: ArchModel, r: ModelRelation, properties: readonly Property[]): string | undefined {
    const own = written(properties.filter(p => CALL_POLICIES.has(p.key)));
    if (own) return `Policies: ${own}`;
    if (r.kind !== 'sync') return undefined;
    return inheritedPolicies(model, r) ?? 'Policies: none (no timeout, retries or circuit breaker)';
}

export function relationCard(model: ArchModel, r: ModelRelation): string {
    const properties = r.node.$type === 'Relation' ? r.node.properties : [];
    const others = propertiesLine(properties.filter(p => !CALL_POLICIES.has(p.key)));
    const arrow = r.kind === 'trigger' ? 'triggers' : OUT_ARROWS[r.kind];
    const protocol = r.protocol ? ` : ${escapeMarkdown(r.protocol)}` : '';
    const label = r.label ? ` "${escapeMarkdown(r.label)}"` : '';
    return card(
        `**${RELATION_NAMES[r.kind]}** ${code(r.sourceId)} ${arrow} ${code(r.targetId)}${protocol}${label}`,
        undefined,
        [
            r.kind === 'observe' && r.signal ? `Signal: ${r.signal}` : undefined,
            policiesLine(model, r, properties),
            others,
            ...annotationLines(r),
        ],
    );
}
