import { anchor, drawNodeLinks } from './safe-link.js';
import { ELEMENT_KINDS, type ElementKind } from '../model/kinds.js';
import type { DiagramFinding, DiagramOptions } from './diagram-types.js';
import { arrowHead, routePath } from './edge-paths.js';
import type { LaidOutDiagram, PlacedEdge, PlacedNode } from './graph-types.js';
import { edgeBadge, nodeBadge, SEVERITY_ICON, SEVERITY_ORDER } from './finding-badges.js';
import { drawIcon } from './icons.js';
import { FONT } from './measure.js';
import { buildLegend } from './legend.js';
import { COLLAPSED_GROUP, collapsedSummary, contentFrame, GROUP_HEADER } from './node-content.js';
import { drawShape, SHAPE_OF_KIND } from './shapes.js';
import { diagramStylesheet } from './styles.js';
import { escapeXml, num } from './xml.js';
import { ownValue } from '../util/own-keys.js';
import type { FlowMarks } from '../flows/flow-marks.js';
import { flowBadges, flowEdgeClasses, flowNodeClasses } from '../flows/flow-badges.js';

/**
 * Draws a laid-out diagram as one SVG document. Pure: the same input gives the same text.
 * Everything is styled through classes (`node kind-…`, `edge rel-…`, `group group-…`,
 * `finding-…`); exports embed a light or dark stylesheet, the preview brings its own.
 */

export interface RenderOptions {
    readonly theme: DiagramOptions['theme'];
    readonly legend: boolean;
    readonly findings?: DiagramOptions['findings'];
    /** Items on the path of a finding reported elsewhere, marked but not counted. */
    readonly findingPaths?: DiagramOptions['findingPaths'];
    readonly changes?: DiagramOptions['changes'];
    /** The architecture's title, for the document's `<title>`. */
    readonly title?: string;
    /** A flow drawn on the diagram: its steps numbered, the rest dimmed (`flows/`). */
    readonly flow?: FlowMarks;
}

export interface RenderedSvg {
    readonly svg: string;
    readonly width: number;
    readonly height: number;
}

const LEGEND_GAP = 16;
const MARGIN = 16;

export function renderSvg(diagram: LaidOutDiagram, options: RenderOptions): RenderedSvg {
    const empty = diagram.nodes.length === 0;
    let width = empty ? 320 : Math.ceil(diagram.width);
    let height = empty ? 72 : Math.ceil(diagram.height);
    const body: string[] = [];
    if (empty) {
        body.push(`<text class="empty-message" x="${MARGIN}" y="40">Nothing to draw in this view.</text>`);
    } else {
        const groups = diagram.nodes.filter(n => n.spec.type === 'group');
        const elements = diagram.nodes.filter(n => n.spec.type === 'element');
        const paths = options.findingPaths;
        const changes = options.changes ?? {};
        const flow = options.flow;
        body.push(`<g class="groups">${groups.map(g => drawGroup(g, options.findings, paths, changes, flow)).join('')}</g>`);
        body.push(`<g class="nodes">${elements.map(n => drawNode(n, options.findings, paths, changes, flow)).join('')}</g>`);
        body.push(`<g class="edges">${diagram.edges.map(e => drawEdge(e, options.findings, paths, changes, flow)).join('')}</g>`);
        if (flow) body.push(`<g class="flow-badges">${flowBadges(diagram.edges, flow, diagram.nodes)}</g>`);
        // Badges last, above every line that might cross a box's corner.
        body.push(`<g class="finding-badges">${diagram.nodes.map(n => drawNodeBadge(n, options.findings)).join('')}${diagram.edges.map(e => edgeBadge(edgeFindings(e, options.findings), e)).join('')}</g>`);
    }
    if (options.legend && !empty) {
        const legend = buildLegend(diagram, { changes: options.changes, badges: badgesDrawn(diagram, options), paths: !!options.findingPaths && Object.keys(options.findingPaths).length > 0, flow: !!options.flow });
        if (legend) {
            body.push(legend.draw(MARGIN, height));
            width = Math.max(width, legend.width + 2 * MARGIN);
            height += legend.height + LEGEND_GAP;
        }
    }
    const style = options.theme === 'vscode' ? '' : `<style><![CDATA[\n${diagramStylesheet(options.theme)}]]></style>`;
    const title = options.title ? `<title>${escapeXml(options.title)}</title>` : '';
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" class="archsight-diagram theme-${options.theme} direction-${diagram.direction.toLowerCase()}"`
        + ` width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`
        + title + style
        + `<rect class="diagram-background" width="${width}" height="${height}"/>`
        + body.join('')
        + '</svg>\n';
    return { svg, width, height };
}

function drawNodeBadge(node: PlacedNode, findings: RenderOptions['findings']): string {
    const badge = nodeBadge(ownValue(findings, node.spec.id), node);
    return badge && `<g class="badge-anchor" data-id="${escapeXml(node.spec.id)}" transform="translate(${num(node.x)} ${num(node.y)})">${badge}</g>`;
}

/** A bundle shows the findings of every relation it stands for. */
function edgeFindings(edge: PlacedEdge, findings: RenderOptions['findings']): DiagramFinding[] | undefined {
    const { spec } = edge;
    const found = spec.relationIds ? spec.relationIds.flatMap(id => ownValue(findings, id) ?? []) : ownValue(findings, spec.id);
    return found && found.length > 0 ? [...found] : undefined;
}

function badgesDrawn(diagram: LaidOutDiagram, options: RenderOptions): boolean {
    return diagram.nodes.some(n => (ownValue(options.findings, n.spec.id)?.length ?? 0) > 0) || diagram.edges.some(e => edgeFindings(e, options.findings) !== undefined);
}

function pathClass(id: string, relationIds: readonly string[] | undefined, paths: RenderOptions['findingPaths']): string[] {
    return (relationIds ?? [id]).some(r => (ownValue(paths, r)?.length ?? 0) > 0) ? ['finding-path'] : [];
}

type Changes = NonNullable<RenderOptions['changes']>;

/** The class of a changed item; a bundle or merged edge is changed when one of its relations is. */
function changeClasses(changes: Changes, ids: readonly string[]): string[] {
    const found = ids.map(id => ownValue(changes, id)).filter(c => c !== undefined);
    if (found.length === 0) return [];
    const one = found.every(c => c === found[0]) ? found[0] : 'changed';
    return [`change-${one}`];
}

/** ` data-tags="pci team-payments"` for the preview's search, or nothing. */
function tagsAttribute(tags: readonly string[] | undefined): string {
    return tags?.length ? ` data-tags="${escapeXml(tags.join(' '))}"` : '';
}

function drawNode(node: PlacedNode, findings: RenderOptions['findings'], paths: RenderOptions['findingPaths'], changes: Changes, flow?: FlowMarks): string {
    const { spec } = node;
    const kind = spec.kind as ElementKind;
    const found = ownValue(findings, spec.id);
    const classes = ['node', `kind-${kind}`, `tier-${ELEMENT_KINDS[kind].tier}`, ...(spec.hostId ? ['docked'] : []), ...(spec.band ? ['has-parts'] : []), ...findingClasses(found), ...pathClass(spec.id, undefined, paths), ...changeClasses(changes, [spec.id]), ...flowNodeClasses(spec.id, flow)];
    // Around its parts, an element's icon and text stay in the band at its top.
    const frame = contentFrame(kind, node.width, spec.band ?? node.height, { lines: spec.lines, technology: spec.technology });
    const texts = spec.lines.map((line, i) => `<text class="label" x="${frame.textX}" y="${frame.baselines[i]}">${escapeXml(line)}</text>`);
    if (spec.technology) {
        texts.push(`<text class="technology" x="${frame.textX}" y="${frame.baselines[spec.lines.length]}">${escapeXml(spec.technology)}</text>`);
    }
    const host = spec.hostId ? ` data-host="${escapeXml(spec.hostId)}"` : '';
    return `<g class="${classes.join(' ')}" data-id="${escapeXml(spec.id)}"${host}${tagsAttribute(spec.tags)} transform="translate(${num(node.x)} ${num(node.y)})">`
        + `<title>${escapeXml(withFindings(spec.title, found, ownValue(paths, spec.id)))}</title>`
        + drawShape(SHAPE_OF_KIND[kind], node.width, node.height)
        + drawIcon(kind, frame.iconX, frame.iconY)
        + texts.join('')
        + drawNodeLinks(spec.links, node.width, node.height)
        + '</g>';
}

function drawGroup(group: PlacedNode, findings: RenderOptions['findings'], paths: RenderOptions['findingPaths'], changes: Changes, flow?: FlowMarks): string {
    const { spec } = group;
    const found = ownValue(findings, spec.id);
    const classes = ['group', `group-${spec.kind}`, `depth-${Math.min(group.depth, 3)}`, ...(spec.collapsed !== undefined ? ['collapsed'] : []), ...findingClasses(found), ...pathClass(spec.id, undefined, paths), ...changeClasses(changes, [spec.id]), ...flowNodeClasses(spec.id, flow)];
    return `<g class="${classes.join(' ')}" data-id="${escapeXml(spec.id)}"${tagsAttribute(spec.tags)} transform="translate(${num(group.x)} ${num(group.y)})">`
        + `<title>${escapeXml(withFindings(spec.title, found, ownValue(paths, spec.id)))}</title>`
        + `<rect class="group-box" width="${num(group.width)}" height="${num(group.height)}" rx="10"/>`
        + `<text class="group-label" x="${GROUP_HEADER.padX}" y="${GROUP_HEADER.labelBaseline}">${escapeXml(spec.lines[0] ?? '')}</text>`
        + (spec.technology ? `<text class="group-subtitle" x="${GROUP_HEADER.padX}" y="${GROUP_HEADER.subtitleBaseline}">${escapeXml(spec.technology)}</text>` : '')
        + (spec.collapsed !== undefined ? `<text class="group-subtitle group-summary" x="${GROUP_HEADER.padX}" y="${COLLAPSED_GROUP.summaryBaseline}">${escapeXml(collapsedSummary(spec.collapsed))}</text>` : '')
        + drawNodeLinks(spec.links, group.width, group.height)
        + '</g>';
}

function drawEdge(edge: PlacedEdge, findings: RenderOptions['findings'], paths: RenderOptions['findingPaths'], changes: Changes, flow?: FlowMarks): string {
    const { spec } = edge;
    const found = edgeFindings(edge, findings);
    const onPath = spec.relationIds ? spec.relationIds.flatMap(id => ownValue(paths, id) ?? []) : ownValue(paths, spec.id);
    const classes = ['edge', `rel-${spec.kind}`, ...(spec.signal ? [`signal-${spec.signal}`] : []), ...(spec.relationIds ? ['bundle'] : []), ...findingClasses(found), ...pathClass(spec.id, spec.relationIds, paths), ...changeClasses(changes, spec.relationIds ?? [spec.id]), ...flowEdgeClasses(edge, flow)];
    const d = routePath(edge.points);
    let label = '';
    if (spec.labelLines.length > 0 && edge.labelBox) {
        const box = edge.labelBox;
        const lineHeight = FONT.edgeLabel.lineHeight;
        const top = box.y + (box.height - spec.labelLines.length * lineHeight) / 2;
        label = `<g class="edge-label"><rect class="edge-label-bg" x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" rx="3"/>`
            + spec.labelLines.map((line, i) => `<text x="${num(box.x + box.width / 2)}" y="${num(top + i * lineHeight + 11)}">${escapeXml(line)}</text>`).join('')
            + '</g>';
        if (spec.links?.[0]) label = anchor(spec.links[0], label);
    }
    const bundled = spec.relationIds ? ` data-relations="${escapeXml(spec.relationIds.join(' '))}"` : '';
    return `<g class="${classes.join(' ')}" data-id="${escapeXml(spec.id)}" data-source="${escapeXml(spec.sourceId)}" data-target="${escapeXml(spec.targetId)}"${bundled}>`
        + `<title>${escapeXml(withFindings(spec.title, found, onPath))}</title>`
        // A wide invisible stroke makes the thin line easy to hover and click in the preview.
        + `<path class="edge-hit" d="${d}"/>`
        + `<path class="edge-line" d="${d}"/>`
        + arrowHead(spec.kind, edge.points)
        + label
        + '</g>';
}


/** One class per severity present; the stylesheets let the worst one win. */
function findingClasses(found: readonly DiagramFinding[] | undefined): string[] {
    return SEVERITY_ORDER.filter(s => found?.some(f => f.severity === s)).map(s => `finding-${s}`);
}

function withFindings(title: string, found: readonly DiagramFinding[] | undefined, onPath?: readonly DiagramFinding[]): string {
    const worstFirst = [...(found ?? [])].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
    return [
        title,
        ...worstFirst.map(f => `${SEVERITY_ICON[f.severity]} ${f.message}${f.code ? ` [${f.code}]` : ''}`),
        ...(onPath ?? []).map(f => `On the path of: ${f.message}${f.code ? ` [${f.code}]` : ''}`),
    ].join('\n');
}
