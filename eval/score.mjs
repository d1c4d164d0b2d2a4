// Scoring of the evaluation corpus: pure functions, no I/O (eval/run.mjs does that).
// A finding is a diagnostic of `archsight check --format json`; a smell is an entry of a
// system's expected.json: { rule, elements: [ids], source }.

const ID = /[A-Za-z_][A-Za-z0-9_]*/;
const RELATION = new RegExp(`^\\s*(${ID.source})\\s*(?:->|~>|\\.\\.>)\\s*(${ID.source})`);
const DECLARATION = new RegExp(`^\\s*(?:[a-z-]+)\\s+(${ID.source})\\b`);
const TRIGGER = new RegExp(`^\\s*trigger\\s+(${ID.source})`);
const QUOTED = new RegExp(`'(${ID.source})'`, 'g');

/**
 * The ids a finding concerns. Its subject is the declaration or relation written on the line it
 * points at; it also mentions the ids its message quotes ('orders'), which may be context
 * ("while 'config' declares one") or the other members of a cycle or chain.
 * @param {{ line: number, message: string }} finding
 * @param {readonly string[]} lines the model's lines (line 1 is lines[0])
 * @returns {{ subject: Set<string>, all: Set<string> }}
 */
export function findingElements(finding, lines) {
    const subject = new Set();
    const text = lines[finding.line - 1] ?? '';
    const relation = RELATION.exec(text);
    const trigger = TRIGGER.exec(text);
    const declaration = DECLARATION.exec(text);
    if (relation) { subject.add(relation[1]); subject.add(relation[2]); }
    else if (trigger) subject.add(trigger[1]);
    else if (declaration) subject.add(declaration[1]);
    const all = new Set(subject);
    for (const m of finding.message.matchAll(QUOTED)) all.add(m[1]);
    return { subject, all };
}

/**
 * True when the finding is the smell: the same rule, its subject is one of the smell's
 * elements (or it has no subject line), and it names every element of the smell.
 * A smell of the whole architecture (no elements) matches any finding of its rule.
 */
export function matches(finding, elements, smell) {
    if (finding.code !== smell.rule) return false;
    if (smell.elements.length === 0) return true;
    const aboutIt = elements.subject.size === 0 || smell.elements.some(e => elements.subject.has(e));
    return aboutIt && smell.elements.every(e => elements.all.has(e));
}

/** Warnings and errors are what a team acts on; precision is measured over them. */
export function counted(finding) {
    return finding.severity === 'warning' || finding.severity === 'error';
}

/**
 * Scores one system.
 * @param {{ line: number, severity: string, message: string, code: string | null }[]} findings the reviewer's findings (rule diagnostics only)
 * @param {{ rule: string, elements: string[], source?: string }[]} smells the ground truth
 * @param {readonly string[]} lines the model's lines
 */
export function scoreSystem(findings, smells, lines) {
    const withElements = findings.map(f => ({ ...f, elements: findingElements(f, lines) }));
    const found = [];
    const missed = [];
    for (const smell of smells) {
        const hit = withElements.find(f => matches(f, f.elements, smell));
        if (hit) found.push({ smell, finding: describe(hit) });
        else missed.push({ smell });
    }
    const truePositives = [];
    const falsePositives = [];
    for (const f of withElements.filter(counted)) {
        if (smells.some(s => matches(f, f.elements, s))) truePositives.push(describe(f));
        else falsePositives.push(describe(f));
    }
    return {
        smells: smells.length, found, missed,
        findings: truePositives.length + falsePositives.length, truePositives, falsePositives,
        info: withElements.filter(f => !counted(f)).map(describe),
        recall: ratio(found.length, smells.length),
        precision: ratio(truePositives.length, truePositives.length + falsePositives.length),
    };
}

/** Totals over systems: pooled counts (micro average), so large systems weigh more. */
export function scoreTotal(systems) {
    const smells = sum(systems, s => s.smells);
    const found = sum(systems, s => s.found.length);
    const findings = sum(systems, s => s.findings);
    const truePositives = sum(systems, s => s.truePositives.length);
    return { smells, found, findings, truePositives, recall: ratio(found, smells), precision: ratio(truePositives, findings) };
}

function describe(f) {
    return { line: f.line, severity: f.severity, code: f.code, message: f.message, elements: [...f.elements.all].sort() };
}

/** A share, or null when there is nothing to divide (no smells, no findings). */
function ratio(part, whole) {
    return whole === 0 ? null : part / whole;
}

function sum(items, of) {
    return items.reduce((n, item) => n + of(item), 0);
}
