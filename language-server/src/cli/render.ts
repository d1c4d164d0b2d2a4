import { promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import { createArchServices } from '../arch-module.js';
import type { DiagramOptions, DiagramView } from '../diagram/diagram-types.js';
import { findingsAndPaths } from '../lsp/diagram-findings.js';
import { toDrawio } from '../export/drawio.js';
import { EXPORT_FORMATS, exportFormatOf, type ExportFormat } from '../export/export-format.js';
import { svgToPng } from '../export/png.js';
import { isDenseNotice } from '../diagram/dense-selection.js';
import { toMermaid } from '../export/mermaid.js';
import { toMermaidSequence } from '../export/mermaid-sequence.js';
import { modelToJson } from '../export/model-json.js';
import type { ArchModel } from '../model/model-types.js';
import type { ArchServices } from '../arch-module.js';
import { collectDiagnostics } from './diagnostics.js';
import { expandInputs, readSource, UsageError } from './files.js';
import type { Output } from './output.js';
import { terminalLine, terminalName } from './terminal-text.js';
import { closestName } from '../references/arch-linker.js';
import { loadAndValidate } from './workspace-loader.js';
import { ArchFileSystem } from '../workspace/arch-file-system.js';
import { DiskLayoutStore } from '../diagram/layout-store.js';
import { DEFAULT_CACHE_LOCATION, parseRenderArgs } from './render-options.js';
import { cacheFolder } from './cache-folder.js';
import { KEPT_DRAWINGS, rememberRender } from './render-memo.js';

/** How many layouts `--cache` keeps, the most recently used (tens of kilobytes each; a render lays out one to a few). */
const KEPT_LAYOUTS = 500;

export const RENDER_HELP = `Usage: archsight render <file.arch> [options]

Draws an architecture as an SVG or PNG diagram, laid out as the VS Code preview shows it,
or exports it as a Mermaid flowchart, a draw.io file or the semantic model as JSON.

Options:
  -o, --output <file>     Write to this file (default: standard output)
  --format <svg|png|mermaid|drawio|json>
                          What to write (default: from the -o extension: .svg, .png,
                          .mmd, .drawio, .json; else svg)
  --scale <n>             Pixels per diagram unit in a PNG, 0.1 to 8 (default: 2)
  --force                 Overwrite the output file if it exists
  --theme <light|dark>    Colours of the embedded stylesheet (default: light)
  --view <name>           What to draw: a view declared in the file (\`view <name> { … }\`)
                          or all, calls, messaging, observability (default: all)
  --focus <id>            Draw only this element or group and its neighbours
  --flow <name>           Draw a flow declared in the file (\`flow <name> { … }\`): its
                          steps numbered on the diagram, the rest dimmed
  --as <diagram|sequence> Draw the flow on the architecture diagram or as a sequence
                          diagram (default: diagram; sequence needs --flow; with
                          --format mermaid, a Mermaid sequenceDiagram)
  --direction <auto|right|down>
                          Tiers run left to right or top to bottom; auto lays out
                          both and keeps the one that reads larger (default: auto)
  --level <auto|full|n>   Which groups are drawn open: auto, the most detailed level
                          whose labels are at least 9 px tall in the pane; full,
                          every group; n, groups nested less than n deep (0: all
                          groups closed, drawn with their counts) (default: auto)
  --expand <group>        Draw this group open whatever the level (repeatable)
  --pane <width>x<height> The view the diagram is read in, in CSS pixels, for auto
                          (default: 800x1000, a side pane)
  --no-findings           Leave out the findings (badges on elements and relations)
  --no-legend             Leave out the legend
  --cache                 Keep layouts and drawings on disk and reuse them: an unchanged
                          diagram is written again without being drawn
  --cache-location <dir>  Where --cache keeps them (default: .archsight-cache); it keeps
                          the ${KEPT_LAYOUTS} layouts and ${KEPT_DRAWINGS} drawings used last
  -h, --help              Show this help

A file with errors is still drawn as far as it could be read; the errors go to
standard error and the exit code is 1.

Exit codes: 0 drawn, 1 drawn but the file has errors, 2 usage or I/O error (nothing written).
`;

const THEMES = ['light', 'dark'] as const;
const VIEWS = ['all', 'calls', 'messaging', 'observability'] as const;
const DIRECTIONS = ['auto', 'right', 'down'] as const;
const AS = ['diagram', 'sequence'] as const;

export async function runRender(args: string[], io: Output): Promise<number> {
    const parsed = parseRenderArgs(args);
    const { values, positionals } = parsed;
    if (values.help) {
        io.out(RENDER_HELP);
        return 0;
    }
    const theme = oneOf('theme', values.theme, THEMES);
    const fixedView = (VIEWS as readonly string[]).includes(values.view!);
    const view: DiagramView = fixedView ? values.view as DiagramView : 'all';
    const direction = oneOf('direction', values.direction, DIRECTIONS);
    const level = levelOf(values.level!);
    const pane = paneOf(values.pane!);
    const format = exportFormatOf(values.format, values.output);
    if (!isFormat(format)) throw new UsageError(format);
    const scale = scaleOf(values.scale!);
    const as = oneOf('--as', values.as, AS);
    checkFlowOptions(values.flow, as, format, values.focus);
    if (format === 'png' && values.output === undefined && (io.isTTY || !io.bytes)) {
        throw new UsageError('A PNG is binary: write it to a file with -o diagram.png, or pipe it.');
    }
    if (positionals.length !== 1) {
        throw new UsageError(positionals.length === 0
            ? 'No file given. Try: archsight render <file.arch> -o diagram.svg'
            : 'Give one .arch file to render; each file is one diagram.');
    }
    const cwd = process.cwd();
    const inputs = await expandInputs(positionals, cwd);
    if (inputs.length !== 1) throw new UsageError(`'${positionals[0]}' names ${inputs.length} .arch files; render draws one file at a time.`);
    const input = inputs[0];
    const display = path.relative(cwd, input) || input;
    const output = values.output === undefined ? undefined : path.resolve(cwd, values.output);
    if (output !== undefined) await checkOutput(output, values.output!, input, values.force);

    const source = await readSource(input, display);
    const services = createArchServices(ArchFileSystem).Arch;
    const generator = services.diagram.DiagramGenerator;
    const cache = values.cache || values['cache-location'] !== undefined ? await cacheFolder(cwd, values['cache-location'] ?? DEFAULT_CACHE_LOCATION) : undefined;
    const store = cache === undefined ? undefined : new DiskLayoutStore(cache);
    if (store !== undefined) {
        generator.useLayoutStore(store);
    } else if (format !== 'json' && as !== 'sequence') {
        // ELK loads in its thread while the file is parsed (with a cache, the layout may not be needed at all).
        generator.startLayoutThread();
    }
    const [document] = await loadAndValidate(services, [source]);
    if (output !== undefined) await refuseSources(output, values.output!, input, services.shared.workspace.LangiumDocuments.all.map(d => d.uri.fsPath).toArray(), cwd);
    const model = services.model.ModelProvider.getModel(document);
    if (values.focus !== undefined && !model.elements.has(values.focus) && !model.groups.has(values.focus)) {
        throw new UsageError(`There is no element or group '${values.focus}' in '${display}'.`);
    }
    const named = fixedView ? undefined : model.views.get(values.view!);
    if (!fixedView && !named) throw new UsageError(unknownView(values.view!, [...model.views.keys()], display));
    const flow = values.flow === undefined ? undefined : model.flows.get(values.flow);
    if (values.flow !== undefined && !flow) throw new UsageError(unknownFlow(values.flow, [...model.flows.keys()], display));
    for (const id of values.expand ?? []) {
        if (!model.groups.has(id)) throw new UsageError(`There is no group '${id}' to expand in '${display}'.`);
    }
    const found = findingsAndPaths(model, document.uri.toString(), document.diagnostics ?? []);
    const options: DiagramOptions = {
        view,
        ...(named ? { named: named.id } : {}),
        ...(flow ? { flow: flow.id, as } : {}),
        focus: values.focus,
        // Auto tries the direction that suits a tall pane first: it wins a tie. A view's own direction counts unless one is asked for.
        direction: direction === 'right' ? 'RIGHT' : direction === 'auto' && named?.direction ? named.direction : 'DOWN',
        chooseDirection: direction === 'auto' && !named?.direction,
        pane,
        level,
        expand: values.expand,
        theme,
        legend: !values['no-legend'],
        ...(values['no-findings'] ? {} : { findings: found.findings, findingPaths: found.paths }),
    };
    const { text, notice } = await exportAs(format, services, model, options, scale);

    if (output === undefined) {
        if (typeof text === 'string') io.out(text);
        else io.bytes!(text);
    } else {
        await writeOutput(output, values.output!, text, values.force);
    }
    // A drawing with lines left out must not pass for the whole architecture.
    const warning = notice && isDenseNotice(notice) ? `archsight render: ${terminalLine(notice)}\n` : '';
    if (warning) io.err(warning);
    const errors = collectDiagnostics([document], cwd).filter(d => d.severity === 'error');
    for (const d of errors) io.err(`${terminalName(d.display)}:${d.line}:${d.column}  error  ${terminalLine(d.message)}${d.code ? `  [${terminalLine(d.code)}]` : ''}\n`);
    // The layouts this run used or made are the most recent: the oldest beyond the limit go.
    await store?.prune(KEPT_LAYOUTS);
    if (errors.length > 0) return 1;
    if (cache !== undefined) {
        const sources = services.shared.workspace.LangiumDocuments.all.filter(d => d.uri.scheme === 'file').map(d => ({ path: d.uri.fsPath, text: d.textDocument.getText() })).toArray();
        await rememberRender(parsed, cwd, cache, { input, sources, output: { file: output, data: text }, stderr: warning });
    }
    return 0;
}


function levelOf(value: string): DiagramOptions['level'] {
    if (value === 'auto' || value === 'full') return value;
    if (/^\d+$/.test(value)) return Number(value);
    throw new UsageError(`Unknown level '${value}'; use auto, full or a number (0: every group closed).`);
}

function paneOf(value: string): { width: number; height: number } {
    const match = /^(\d+)x(\d+)$/.exec(value);
    if (!match || Number(match[1]) < 100 || Number(match[2]) < 100) throw new UsageError(`Pane '${value}' is not a size such as 800x1000 (width x height in pixels, at least 100 each).`);
    return { width: Number(match[1]), height: Number(match[2]) };
}

function scaleOf(value: string): number {
    const scale = Number(value);
    if (!/^\d*\.?\d+$/.test(value) || scale < 0.1 || scale > 8) throw new UsageError(`Scale '${value}' is not a number from 0.1 to 8.`);
    return scale;
}

function isFormat(format: string): format is ExportFormat {
    return (EXPORT_FORMATS as readonly string[]).includes(format);
}

/** Every format takes what it draws from the diagram pipeline, as the preview does. */
async function exportAs(format: ExportFormat, services: ArchServices, model: ArchModel, options: DiagramOptions, scale: number): Promise<{ text: string | Uint8Array; notice?: string }> {
    const generator = services.diagram.DiagramGenerator;
    switch (format) {
        case 'svg': {
            const { svg, notice } = await generator.generate(model, options);
            return { text: svg, notice };
        }
        case 'png': {
            const { svg, width, height, notice } = await generator.generate(model, options);
            return { text: await svgToPng(svg, width, height, scale), notice };
        }
        case 'mermaid':
            if (options.as === 'sequence' && options.flow !== undefined) return { text: toMermaidSequence(model, model.flows.get(options.flow)!) };
            return { text: toMermaid(await generator.layout(model, options), model, options.direction) };
        case 'drawio': return { text: toDrawio(await generator.layout(model, options), model.title) };
        case 'json': return { text: JSON.stringify(modelToJson(model), null, 2) + '\n' };
    }
}

/** Flow options that cannot go together, refused before the file is read. */
function checkFlowOptions(flow: string | undefined, as: (typeof AS)[number], format: ExportFormat, focus: string | undefined): void {
    if (as === 'sequence' && flow === undefined) throw new UsageError('--as sequence draws a flow: name it with --flow <name>.');
    if (flow === undefined) return;
    if (focus !== undefined) throw new UsageError('--flow and --focus each choose what to draw; give one of them.');
    if (format === 'json') throw new UsageError('--flow chooses what to draw, but --format json exports the whole model; use svg, png, mermaid or drawio.');
    if (format === 'drawio' && as === 'sequence') throw new UsageError('A sequence diagram is drawn as svg, png or mermaid, not drawio.');
}

function unknownFlow(name: string, declared: readonly string[], display: string): string {
    if (declared.length === 0) return `There is no flow '${terminalName(name)}' in '${display}': it declares no flows (\`flow <name> { a -> b … }\`).`;
    const meant = closestName(name, declared);
    return `There is no flow '${terminalName(name)}' in '${display}': its flows are ${declared.map(terminalName).join(', ')}.${meant ? ` Did you mean '${terminalName(meant)}'?` : ''}`;
}

function unknownView(name: string, declared: readonly string[], display: string): string {
    const meant = closestName(name, [...declared, ...VIEWS]);
    const listed = declared.length > 0 ? `its views are ${declared.map(terminalName).join(', ')}; ` : '';
    return `There is no view '${terminalName(name)}' in '${display}': ${listed}the fixed ones are ${VIEWS.join(', ')}.${meant ? ` Did you mean '${terminalName(meant)}'?` : ''}`;
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T {
    if (allowed.includes(value as T)) return value as T;
    throw new UsageError(`Unknown ${option} '${value}'; use one of ${allowed.join(', ')}.`);
}

/** Refuses before any work is done: an existing file without --force, or the input itself. */
export async function checkOutput(output: string, display: string, input: string, force: boolean): Promise<void> {
    if (path.resolve(output) === path.resolve(input)) throw new UsageError(`Refusing to write the diagram over its own source '${display}'.`);
    const stat = await fs.stat(output).catch(() => undefined);
    if (stat && sameFile(stat, await fs.stat(input).catch(() => undefined))) {
        throw new UsageError(`Refusing to write the diagram over its own source: '${display}' is a link to it.`);
    }
    if (stat?.isDirectory()) throw new UsageError(`'${display}' is a folder; give a file name such as '${path.join(display, 'diagram.svg')}'.`);
    if (stat && !force) throw new UsageError(`'${display}' already exists; use --force to overwrite it.`);
}

/**
 * The output may be a symbolic or hard link to the source or to a file it imports (known
 * once they are loaded): `--force` would overwrite them with SVG. The file the output
 * names after following links is compared with each of them.
 */
async function refuseSources(output: string, display: string, input: string, sources: readonly string[], cwd: string): Promise<void> {
    const target = await fs.stat(output).catch(() => undefined);
    if (!target) return;
    for (const source of sources) {
        if (!sameFile(target, await fs.stat(source).catch(() => undefined))) continue;
        if (path.resolve(source) === path.resolve(input)) throw new UsageError(`Refusing to write the diagram over its own source: '${display}' is a link to it.`);
        throw new UsageError(`Refusing to write the diagram over '${path.relative(cwd, source) || source}', which the diagram imports: '${display}' is a link to it.`);
    }
}

function sameFile(a: Stats, b: Stats | undefined): boolean {
    return b !== undefined && a.dev === b.dev && a.ino === b.ino;
}

export async function writeOutput(output: string, display: string, data: string | Uint8Array, force: boolean): Promise<void> {
    try {
        // 'wx' fails if the file appeared since the check, rather than overwrite it.
        await fs.writeFile(output, data, { flag: force ? 'w' : 'wx' });
    } catch (error) {
        const code = (error as NodeJS.ErrnoException)?.code;
        const reason = code === 'EEXIST' ? 'it already exists; use --force to overwrite it'
            : code === 'ENOENT' ? 'its folder does not exist'
            : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
            : (error as Error)?.message ?? String(error);
        throw new UsageError(`Cannot write '${display}': ${reason}.`);
    }
}
