import type { ArchModel, ModelElement } from '../../model/model-types.js';
import { element, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';

/** Whether logs leave the element or its sidecars by a `..>` link. */
function shipsLogs(model: ArchModel, e: ModelElement): boolean {
    return [e.id, ...e.sidecarIds].some(id => (model.outgoing.get(id) ?? []).some(r => r.kind === 'observe' && r.signal === 'logs'));
}

/** A host-level shipper or collector of logs picks up what containers write to stdout. */
function collectsStdout(model: ArchModel): boolean {
    return [...model.elements.values()].some(e => (e.kind === 'shipper' || e.kind === 'collector' || e.kind === 'agent') &&
        (e.properties.signal === 'logs' || (model.outgoing.get(e.id) ?? []).some(r => r.kind === 'observe' && r.signal === 'logs')));
}

/** Logs on the box are lost with the box, and nobody searches across twenty of them. */
export const localLoggingOnly: Rule = {
    id: 'local-logging-only',
    group: 'observability',
    defaultSeverity: 'warning',
    description: 'A workload writes its logs only locally: to files (`logging file`), or to stdout with nothing that collects them.',
    explanation: 'Logs kept in local files or on stdout with no collector disappear with the container or ' +
        'the host, and cannot be searched across instances when a request fails somewhere in the system. ' +
        'Ship them: link the workload to a log back end or a shipper (`..> fluentBit`), or run a ' +
        'host-level shipper that collects stdout, and write `logging shipped`. The rule reads only what ' +
        'the model states: a workload whose `logging` is not written is not reported.',
    check(model) {
        const findings: Finding[] = [];
        let stdoutCollected: boolean | undefined;
        for (const e of model.elements.values()) {
            const logging = e.properties.logging;
            if ((logging !== 'file' && logging !== 'stdout') || shipsLogs(model, e)) continue;
            if (logging === 'stdout' && (stdoutCollected ??= collectsStdout(model))) continue;
            findings.push({
                target: element(e.id),
                message: logging === 'file'
                    ? `'${e.id}' writes its logs to local files that nothing ships: they are lost with the instance.`
                    : `'${e.id}' writes its logs to stdout and nothing collects them: they are lost with the container.`,
            });
        }
        return findings;
    },
};
