import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { NodeFileSystem } from 'langium/node';
import { createArchServices } from '../arch-module.js';
import { compareDrift } from '../drift/compare-drift.js';
import { driftDiagnostics } from '../drift/drift-diagnostics.js';
import { collectDiagnostics } from './diagnostics.js';
import { renderDriftDiagram } from './drift-diagram.js';
import { expandInputs, readSource, UsageError } from './files.js';
import { formatGithub } from './format-github.js';
import { formatJson } from './format-json.js';
import { formatSarif } from './format-sarif.js';
import { formatText } from './format-text.js';
import { importOrFail, sayWarnings } from './import.js';
import type { Output } from './output.js';
import { checkOutput, writeOutput } from './render.js';
import { loadAndValidate } from './workspace-loader.js';

export const DRIFT_HELP = `Usage: archsight drift <model.arch> --against <sources...> [options]

Compares an architecture with what runs (compose files, Kubernetes/Istio manifests,
traces; the sources 'archsight import' reads) and reports the differences as
diagnostics on the model: elements and calls that run but are not declared, or are
declared but never seen; timeouts, retries, breakers, replicas, mTLS and exposure
stated otherwise; latencies above a call's timeout; calls traced synchronous where the
model says asynchronous; chains the traces show deeper than the model.

Options:
  --against <source>     A compose file, manifest, folder, trace file, or '-' (repeatable;
                         further sources may follow as arguments)
  --profile <name>       Activate a compose profile (repeatable)
  --format <text|json|sarif|github>
                         Output format (default: text)
  --max-warnings <n>     Fail (exit 1) when there are more than n warnings
  --diagram <file.svg>   Also draw the model with the calls that run but are not
                         declared dashed in the finding colour
  --force                Overwrite the diagram file if it exists
  --theme <light|dark>   Colours of the diagram (default: light)
  -h, --help             Show this help

Exit codes: 0 no errors, 1 errors in the model (or more warnings than --max-warnings),
2 usage or I/O error, or a source that is not what it claims to be.
`;

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

export async function runDrift(args: string[], io: Output): Promise<number> {
    const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
            against: { type: 'string', multiple: true },
            profile: { type: 'string', multiple: true },
            format: { type: 'string', default: 'text' },
            'max-warnings': { type: 'string' },
            diagram: { type: 'string' },
            force: { type: 'boolean', default: false },
            theme: { type: 'string', default: 'light' },
            help: { type: 'boolean', short: 'h' },
        },
    });
    if (values.help) {
        io.out(DRIFT_HELP);
        return 0;
    }
    if (!FORMATS.includes(values.format as typeof FORMATS[number])) throw new UsageError(`Unknown format '${values.format}'; use one of ${FORMATS.join(', ')}.`);
    const [modelInput, ...extra] = positionals;
    const sources = [...(values.against ?? []), ...extra];
    if (!modelInput) throw new UsageError('No model given. Try: archsight drift system.arch --against docker-compose.yml');
    if (sources.length === 0) throw new UsageError('No sources given. Try: archsight drift system.arch --against docker-compose.yml');
    if (values.theme !== 'light' && values.theme !== 'dark') throw new UsageError(`Unknown theme '${values.theme}'; use light or dark.`);
    const maxWarnings = values['max-warnings'];
    if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) throw new UsageError(`--max-warnings takes a whole number of 0 or more, not '${maxWarnings}'.`);

    const cwd = process.cwd();
    const [modelFile] = await expandInputs([modelInput], cwd);
    const diagramFile = values.diagram === undefined ? undefined : path.resolve(cwd, values.diagram);
    if (diagramFile !== undefined) await checkOutput(diagramFile, values.diagram!, modelFile, values.force);
    const source = await readSource(modelFile, path.relative(cwd, modelFile) || modelFile);
    const system = await importOrFail(sources, values.profile ?? []);
    sayWarnings(system.warnings, 'drift', io);
    const services = createArchServices(NodeFileSystem).Arch;
    const [document] = await loadAndValidate(services, [source]);
    const model = services.model.ModelProvider.getModel(document);
    const errors = collectDiagnostics([document], cwd).filter(d => d.severity === 'error');
    const findings = compareDrift(model, system);
    const drift = driftDiagnostics(findings, modelFile, source.text.split(/\r?\n/)[0].length, cwd);
    if (diagramFile !== undefined) {
        await writeOutput(diagramFile, values.diagram!, await renderDriftDiagram(services, model, findings, values.theme), values.force);
    }
    const diagnostics = [...errors, ...drift];
    const display = path.relative(cwd, modelFile) || modelFile;
    if (values.format === 'json') io.out(formatJson(diagnostics, [{ file: modelFile, display }]));
    else if (values.format === 'sarif') io.out(formatSarif(diagnostics, [], cwd));
    else if (values.format === 'github') io.out(formatGithub(diagnostics));
    else io.out(formatText(diagnostics, 1));
    const warnings = diagnostics.filter(d => d.severity === 'warning').length;
    if (maxWarnings !== undefined && warnings > Number(maxWarnings)) {
        io.err(`archsight drift: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}.\n`);
        return 1;
    }
    return errors.length > 0 ? 1 : 0;
}
