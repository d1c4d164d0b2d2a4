import type { ElementKind } from '../../model/kinds.js';
import { element, type Finding } from '../finding.js';
import type { QuickFix } from '../quick-fix.js';
import type { Rule } from '../rule.js';

/** The kinds that can start a function, in the order the quick fix offers them. */
const TRIGGER_KINDS: readonly ElementKind[] = ['timer', 'gateway', 'queue', 'bus', 'storage', 'database', 'logs'];

/** A function nothing starts is dead code that still costs a deployment. */
export const functionWithoutTrigger: Rule = {
    id: 'function-without-trigger',
    group: 'serverless',
    defaultSeverity: 'warning',
    description: 'A function has no trigger and nothing calls it or sends it messages.',
    explanation: 'Functions run only when an event starts them: an API gateway request, an object landing in ' +
        'storage, a message on a queue, a log line, a timer. A function with none of these never runs. Name ' +
        'what starts it (`trigger uploads` inside its braces), or remove it.',
    check(model) {
        const findings: Finding[] = [];
        const candidates = TRIGGER_KINDS.flatMap(kind => [...model.elements.values()].filter(e => e.kind === kind));
        for (const fn of model.elements.values()) {
            if (fn.kind !== 'function') continue;
            const started = (model.incoming.get(fn.id) ?? []).some(r => r.kind !== 'observe');
            if (started) continue;
            const fixes: QuickFix[] = candidates.slice(0, 3).map(source => ({
                kind: 'add-trigger', title: `Trigger '${fn.id}' from ${source.kind} '${source.id}'`, functionId: fn.id, sourceId: source.id,
            }));
            findings.push({ target: element(fn.id), message: `Function '${fn.id}' has no trigger: nothing ever starts it.`, fixes });
        }
        return findings;
    },
};
