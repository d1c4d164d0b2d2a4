import type { ImportedElement, ImportedRelation, ImportedSystem, ImportedValue } from './imported-system.js';

/**
 * An imported system as `.arch` text: a header comment saying what was read, guessed and
 * left out, then one architecture whose elements and relations each carry a comment naming
 * where they came from. Mesh members go inside a `mesh` group with their sidecars.
 * The text is then put through the formatter (see `format-arch.ts`).
 */
export function writeArch(system: ImportedSystem, title: string): string {
    const lines: string[] = ['// Imported by `archsight import`. Review it: a fact the sources do not state is left out, not denied.'];
    section(lines, 'Read', system.read);
    section(lines, 'Warnings', system.warnings);
    section(lines, 'Guessed', system.guesses);
    section(lines, 'Notes', system.notes);
    lines.push(`architecture ${quote(title)} {`);
    const meshMembers = [...system.elements.values()].filter(e => system.meshMembers.has(e.id));
    const others = [...system.elements.values()].filter(e => !system.meshMembers.has(e.id));
    for (const element of others) writeElement(lines, element, '  ');
    if (meshMembers.length > 0) {
        lines.push('', '  // Workloads with an Istio sidecar (envoy), configured by the control plane.');
        const meshBody = propertyWords(system.meshProperties);
        lines.push('  mesh istioMesh "Istio mesh" : istio {', ...meshBody.map(word => `    ${word}`));
        lines.push('    control-plane istioControl "Istio control plane" : istio {', '      component istiod : istio', '    }');
        for (const element of meshMembers) writeElement(lines, element, '    ', `sidecar ${element.id}Proxy : envoy`);
        lines.push('  }');
    }
    for (const relation of system.relations.values()) writeRelation(lines, relation);
    lines.push('}');
    return `${lines.join('\n')}\n`;
}

function section(lines: string[], name: string, items: readonly string[]): void {
    if (items.length === 0) return;
    lines.push(`// ${name}:`);
    for (const item of items) lines.push(`//   ${commentText(item)}`);
}

function writeElement(lines: string[], element: ImportedElement, indent: string, sidecar?: string): void {
    lines.push('', `${indent}// from ${commentText(element.origins.join('; '))}`);
    const head = `${element.kind} ${element.id}${element.label ? ` ${quote(element.label)}` : ''}${element.technology ? ` : ${technology(element.technology)}` : ''}`;
    const body = [...propertyWords(element.properties), ...(sidecar ? [sidecar] : [])];
    lines.push(`${indent}${head}${body.length > 0 ? ` { ${body.join(' ')} }` : ''}`);
}

function writeRelation(lines: string[], relation: ImportedRelation): void {
    lines.push('', `  // from ${commentText(relation.origins.join('; '))}`);
    const stats = relation.stats;
    if (stats) {
        const errorRate = stats.count === 0 ? 0 : (100 * stats.errors) / stats.count;
        lines.push(`  // observed: ${stats.count} calls, ${round(errorRate)}% errors, p50 ${round(stats.p50)}ms, p95 ${round(stats.p95)}ms, p99 ${round(stats.p99)}ms`);
    }
    const tail = `${relation.protocol ? ` : ${technology(relation.protocol)}` : ''}${relation.label ? ` ${quote(relation.label)}` : ''}`;
    const body = propertyWords(relation.properties);
    lines.push(`  ${relation.sourceId} ${relation.arrow} ${relation.targetId}${tail}${body.length > 0 ? ` { ${body.join(' ')} }` : ''}`);
}

function propertyWords(properties: ReadonlyMap<string, ImportedValue>): string[] {
    return [...properties].flatMap(([key, value]) => value === true ? [key] : value === false ? (STATED_FALSE.has(key) ? [`${key} false`] : []) : [`${key} ${valueText(key, value)}`]);
}

// Flags whose `false` the sources state (`runAsNonRoot: true`): written, since an absent flag is unknown.
const STATED_FALSE = new Set(['root']);

// Durations and sizes are quantities (`2s`, `512mi`); enum values are words; other text is quoted.
const WORD_VALUED = new Set(['secrets', 'exposure', 'auth', 'discovery', 'signal', 'volume', 'timeout', 'memory']);

function valueText(key: string, value: number | string): string {
    if (typeof value === 'number') return String(value);
    return WORD_VALUED.has(key) && /^[A-Za-z0-9.]+$/.test(value) ? value : quote(value);
}

/** A technology as the grammar takes it: a word (`node`, `rs-cart`) when it is one, otherwise a string. */
function technology(text: string): string {
    return /^[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*$/.test(text) && !['system', 'boundary', 'monolith', 'layer', 'mesh', 'stack', 'architecture', 'import', 'trigger', 'owner', 'true', 'false'].includes(text) ? text : quote(text);
}

export function quote(text: string): string {
    return `"${commentText(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** One line of plain text: control characters (newlines, escapes for terminals) become spaces. */
function commentText(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/\*\//g, '* /');
}

function round(n: number): number {
    return Math.round(n * 10) / 10;
}
