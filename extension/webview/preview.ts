import './preview.css';
import type {
    Banner, BusyMessage, DiagramMessage, FromWebviewMessage, HighlightMessage, Pane, PreviewOptions, PreviewState, RenderPngMessage, StatusMessage,
    ToWebviewMessage, Viewport,
} from './messages.js';
import { badgeScale } from './badge-scale.js';
import { FindingsList } from './findings-list.js';
import { Breadcrumb, closedGroupAt } from './group-opening.js';
import { watchPane } from './pane-watch.js';
import { guardLinks, linkAt } from './link-clicks.js';
import { DiagramSearch } from './search.js';
import { applyTheme } from './theme.js';
import { importSvg } from './svg-import.js';
import { viewKey } from './view-choice.js';
import { ViewPicker } from './view-picker.js';
import { actualSize, centreOn, fitViewport, isViewport, openingViewport, panIntoView, showsWhole, zoomAround, type Box } from './viewport.js';
import { PartialViewNote } from './partial-view.js';
import { anchoredViewport, placesIn } from './view-anchor.js';
import { ownValue } from '../../language-server/src/util/own-keys.js';

/**
 * The preview's script: shows the diagrams the extension sends, keeps zoom and pan across
 * updates, and reports clicks and toolbar choices. It never computes a diagram itself.
 */

interface VsCodeApi {
    postMessage(message: FromWebviewMessage): void;
    getState(): unknown;
    setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

// Performance marks (read by the end-to-end tests to say where a first preview's time goes):
// archsight:script (this script runs), archsight:ready (the pane is reported), archsight:diagram
// (the first drawing is on the stage), archsight:idle (the first drawing and nothing more to come).
performance.mark('archsight:script');
const vscode = acquireVsCodeApi();
const svgParser = new DOMParser();
const ZOOM_STEP = 1.25;
/** A pointer that moves less than this between press and release clicked rather than dragged. */
const CLICK_SLOP = 4;
/** How long `ready` waits for the stage to have a size. */
const READY_WAIT_MS = 500;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
    stage: $<HTMLDivElement>('stage'),
    viewport: $<HTMLDivElement>('viewport'),
    placeholder: $<HTMLParagraphElement>('placeholder'),
    banners: $<HTMLDivElement>('banners'),
    breadcrumb: $<HTMLDivElement>('breadcrumb'),
    view: $<HTMLSelectElement>('view'),
    sequence: $<HTMLButtonElement>('sequence'),
    focus: $<HTMLButtonElement>('focus'),
    clearFocus: $<HTMLButtonElement>('clear-focus'),
    direction: $<HTMLButtonElement>('direction'),
    legend: $<HTMLButtonElement>('legend'),
    sinceHead: $<HTMLButtonElement>('since-head'),
    zoomOut: $<HTMLButtonElement>('zoom-out'),
    zoomIn: $<HTMLButtonElement>('zoom-in'),
    zoomLevel: $<HTMLSpanElement>('zoom-level'),
    fit: $<HTMLButtonElement>('fit'),
    actualSize: $<HTMLButtonElement>('actual-size'),
    export: $<HTMLButtonElement>('export'),
    counts: $<HTMLButtonElement>('counts'),
    nextFinding: $<HTMLButtonElement>('next-finding'),
    findingsList: $<HTMLDivElement>('findings-list'),
    progress: $<HTMLDivElement>('progress'),
    search: {
        box: $<HTMLSpanElement>('search-box'),
        toggle: $<HTMLButtonElement>('search'),
        input: $<HTMLInputElement>('search-input'),
        count: $<HTMLSpanElement>('search-count'),
        previous: $<HTMLButtonElement>('search-previous'),
        next: $<HTMLButtonElement>('search-next'),
        close: $<HTMLButtonElement>('search-close'),
    },
};
/** How many views' zoom and pan are kept. */
const MAX_VIEWPORTS = 50;

const saved = (vscode.getState() ?? {}) as Partial<PreviewState>;
let uri = typeof saved.uri === 'string' ? saved.uri : '';
let options: PreviewOptions = saved.options ?? { view: 'all', direction: 'DOWN', legend: true };
let viewport: Viewport | undefined = isViewport(saved.viewport) ? saved.viewport : undefined;
let opened: readonly string[] = Array.isArray(saved.opened) ? saved.opened : [];
/** The zoom and pan of each view shown (`viewKey`), and the view drawn now. */
let viewports: Record<string, Viewport> = savedViewports(saved.viewports);
let shownView: string | undefined;
let choices: DiagramMessage['choices'] = [];
let svg: SVGSVGElement | undefined;
let size = { width: 0, height: 0 };
let byId = new Map<string, Element>();
let blastRadius: Readonly<Record<string, readonly string[]>> = {};
let selected: string | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;

window.addEventListener('message', event => {
    const message = event.data as ToWebviewMessage;
    switch (message?.type) {
        case 'diagram': return showDiagram(message);
        case 'status': return showStatus(message);
        case 'highlight': return highlight(message);
        case 'renderPng': return void renderPng(message);
        case 'busy': return showBusy(message);
        case 'theme': return applyTheme(document.body, message.theme);
    }
});

// ---- showing diagrams

function showDiagram(message: DiagramMessage): void {
    const next = importSvg<SVGSVGElement>(message.svg, document, svgParser);
    if (!next) {
        showBanners([...message.banners, { kind: 'error', text: 'The diagram the server sent could not be read.' }]);
        return;
    }
    next.classList.add('diagram');
    next.setAttribute('width', String(message.width));
    next.setAttribute('height', String(message.height));
    // Where the elements were, to keep the one at the centre of the view in its place (`view-anchor.ts`).
    const before = svg && !message.fit ? placesIn(svg) : undefined;
    // One swap of a fully built tree: the old drawing stays until the new one is ready, so nothing flickers.
    if (svg) ui.viewport.replaceChild(next, svg);
    else ui.viewport.appendChild(next);
    svg = next;
    if (performance.getEntriesByName('archsight:diagram').length === 0) performance.mark('archsight:diagram');
    size = { width: message.width, height: message.height };
    byId = indexById(next);
    uri = message.uri;
    options = message.options;
    choices = message.choices ?? [];
    const key = viewKey(options);
    // Another view: as it was left, if it was shown before.
    const remembered = shownView !== undefined && key !== shownView ? viewports[key] : undefined;
    shownView = key;
    blastRadius = message.blastRadius ?? {};
    ui.placeholder.hidden = true;
    if (selected && !byId.has(selected)) selected = undefined;
    applySelection();
    syncToolbar();
    showBanners(message.banners);
    opened = message.opened ?? [];
    breadcrumb.show(opened, groupLabel);
    save();
    findingsList.update(message.findings, [...byId.keys()]);
    search.index(next);
    // A group just opened by a double-click is what the user looks at next, else the view's subject.
    const focus = openedNow !== undefined && byId.has(openedNow) ? openedNow : message.subject;
    openedNow = undefined;
    if (remembered) setViewport(remembered);
    else if (message.fit || !viewport) open(focus);
    else setViewport(before ? anchoredViewport(viewport, before, placesIn(next), ui.stage.clientWidth, ui.stage.clientHeight) : viewport);
}

/** A group's label as drawn. */
function groupLabel(id: string): string | undefined {
    return byId.get(id)?.querySelector('.group-label')?.textContent || undefined;
}

function showStatus(message: StatusMessage): void {
    uri = message.uri;
    options = message.options;
    syncToolbar();
    showBanners(message.banners);
    if (!svg) ui.placeholder.textContent = 'No diagram yet.';
    save();
}

function indexById(root: SVGSVGElement): Map<string, Element> {
    const index = new Map<string, Element>();
    for (const element of root.querySelectorAll('[data-id]')) {
        const id = element.getAttribute('data-id')!;
        if (!index.has(id)) index.set(id, element);
    }
    return index;
}

function showBanners(banners: readonly Banner[]): void {
    ui.banners.replaceChildren(...banners.map(banner => {
        const line = document.createElement('div');
        line.className = `banner banner-${banner.kind}`;
        line.textContent = banner.text;
        return line;
    }));
}

/**
 * A thin running bar while the server draws, shown only when drawing takes a moment (a
 * first layout, a large diagram), so quick redraws while typing do not flicker.
 */
let busyTimer: ReturnType<typeof setTimeout> | undefined;
function showBusy(message: BusyMessage): void {
    clearTimeout(busyTimer);
    // At once, unlike the bar: tests (and assistive tools) can tell when the drawing is done.
    ui.stage.setAttribute('aria-busy', String(message.busy));
    if (!message.busy && svg && performance.getEntriesByName('archsight:idle').length === 0) performance.mark('archsight:idle');
    if (!message.busy) {
        ui.progress.hidden = true;
        return;
    }
    busyTimer = setTimeout(() => {
        ui.progress.hidden = false;
        if (!svg) ui.placeholder.textContent = 'Laying out the diagram…';
    }, svg ? 250 : 0);
}

// ---- selection, cursor highlight and blast radius

function highlight(message: HighlightMessage): void {
    selected = message.id !== undefined && byId.has(message.id) ? message.id : undefined;
    applySelection();
    if (selected) bringIntoView(byId.get(selected)!);
}

function select(id: string | undefined): void {
    selected = id;
    applySelection();
    if (id) vscode.postMessage({ type: 'reveal', id });
}

function applySelection(): void {
    if (!svg) return;
    for (const element of svg.querySelectorAll('.selected, .in-blast-radius')) element.classList.remove('selected', 'in-blast-radius');
    const target = selected ? byId.get(selected) : undefined;
    target?.classList.add('selected');
    // Only an element's: a group's would light up all of it whenever the cursor is between its members.
    const affected = selected && target?.classList.contains('node') ? ownValue(blastRadius, selected) ?? [] : [];
    for (const id of affected) if (id !== selected) byId.get(id)?.classList.add('in-blast-radius');
    svg.classList.toggle('has-blast-radius', affected.length > 0);
    ui.focus.disabled = !target || target.classList.contains('edge');
}

/** Pans to an element that the cursor moved to when it is out of sight. */
function bringIntoView(element: Element): void {
    if (!viewport) return;
    const stage = ui.stage.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    const visible = box.right > stage.left && box.left < stage.right && box.bottom > stage.top && box.top < stage.bottom;
    if (visible) return;
    const local = { left: box.left - stage.left, top: box.top - stage.top, width: box.width, height: box.height };
    setViewport(panIntoView(viewport, local, stage.width, stage.height));
}

// ---- zoom and pan

function setViewport(next: Viewport): void {
    viewport = next;
    ui.viewport.style.transform = `translate(${next.x}px, ${next.y}px) scale(${next.scale})`;
    ui.zoomLevel.textContent = `${Math.round(next.scale * 100)}%`;
    ui.viewport.style.setProperty('--badge-scale', String(badgeScale(next.scale)));
    partialView.update(showsWhole(next, size.width, size.height, ui.stage.clientWidth, ui.stage.clientHeight), next.scale);
    if (shownView !== undefined) {
        delete viewports[shownView];
        viewports[shownView] = next;
        const keys = Object.keys(viewports);
        if (keys.length > MAX_VIEWPORTS) delete viewports[keys[0]];
    }
    save();
}

function fit(): void {
    setViewport(fitViewport(size.width, size.height, ui.stage.clientWidth, ui.stage.clientHeight));
}

/**
 * Shows a new drawing: fitted when its labels read so, else at the zoom where they read
 * with the view's subject in view (`openingViewport`). `data-opened` on the stage says
 * which and `data-subject` what it opened on, for tests.
 */
function open(subject: string | undefined): void {
    const item = subject !== undefined ? byId.get(subject) : undefined;
    const { viewport: next, fitted } = openingViewport(size.width, size.height, ui.stage.clientWidth, ui.stage.clientHeight, item ? diagramBox(item) : undefined);
    ui.stage.dataset.opened = fitted ? 'fitted' : 'readable';
    if (item) ui.stage.dataset.subject = subject;
    else delete ui.stage.dataset.subject;
    partialView.opened(fitted);
    setViewport(next);
}

/** Where a drawn item is in diagram coordinates: its box on the screen, taken back through the current zoom and pan. */
function diagramBox(item: Element): Box {
    const now = viewport ?? { x: 0, y: 0, scale: 1 };
    const stage = ui.stage.getBoundingClientRect();
    const box = item.getBoundingClientRect();
    return { left: (box.left - stage.left - now.x) / now.scale, top: (box.top - stage.top - now.y) / now.scale, width: box.width / now.scale, height: box.height / now.scale };
}

function zoomAtCentre(factor: number): void {
    if (viewport) setViewport(zoomAround(viewport, factor, ui.stage.clientWidth / 2, ui.stage.clientHeight / 2));
}

ui.stage.addEventListener('wheel', event => {
    if (!viewport) return;
    event.preventDefault();
    // Lines (Firefox) and pixels (Chromium) both give a smooth, proportional zoom.
    const delta = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? event.deltaY * 16 : event.deltaY;
    const rect = ui.stage.getBoundingClientRect();
    setViewport(zoomAround(viewport, Math.exp(-delta * 0.0015), event.clientX - rect.left, event.clientY - rect.top));
}, { passive: false });

let drag: { pointer: number; x: number; y: number; from: Viewport; target: EventTarget | null; moved: boolean } | undefined;

ui.stage.addEventListener('pointerdown', event => {
    if (event.button !== 0 || !viewport) return;
    drag = { pointer: event.pointerId, x: event.clientX, y: event.clientY, from: viewport, target: event.target, moved: false };
    ui.stage.setPointerCapture(event.pointerId);
});

ui.stage.addEventListener('pointermove', event => {
    if (!drag || event.pointerId !== drag.pointer) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < CLICK_SLOP) return;
    drag.moved = true;
    ui.stage.classList.add('panning');
    setViewport({ ...drag.from, x: drag.from.x + dx, y: drag.from.y + dy });
});

const endDrag = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointer) return;
    const { moved, target } = drag;
    drag = undefined;
    ui.stage.classList.remove('panning');
    if (!moved && event.type === 'pointerup') {
        const href = linkAt(target);
        if (href !== undefined) {
            vscode.postMessage({ type: 'openLink', href });
            return;
        }
        const item = target instanceof Element ? target.closest('[data-id]') : null;
        select(item?.getAttribute('data-id') ?? undefined);
    }
};
ui.stage.addEventListener('pointerup', endDrag);
ui.stage.addEventListener('pointercancel', endDrag);

// ---- semantic zoom: a closed group opens on a double-click, or Enter while it is selected

/** The group asked to open: the next drawing opens on it. */
let openedNow: string | undefined;

function openGroup(target: EventTarget | null | undefined): void {
    const id = closedGroupAt(target);
    if (!id) return;
    openedNow = id;
    vscode.postMessage({ type: 'openGroup', id });
}

// The stage captures the pointer (for panning), so a double-click's target is the stage: ask what is under it.
ui.stage.addEventListener('dblclick', event => openGroup(document.elementFromPoint(event.clientX, event.clientY)));
const partialView = new PartialViewNote(ui.stage, fit);
const breadcrumb = new Breadcrumb(ui.breadcrumb, depth => vscode.postMessage({ type: 'back', depth }));

ui.stage.addEventListener('keydown', event => {
    if (!viewport) return;
    const step = 40;
    const actions: Record<string, () => void> = {
        '+': () => zoomAtCentre(ZOOM_STEP), '=': () => zoomAtCentre(ZOOM_STEP), '-': () => zoomAtCentre(1 / ZOOM_STEP),
        '0': () => setViewport(actualSize(viewport!, ui.stage.clientWidth, ui.stage.clientHeight)), f: fit,
        ArrowLeft: () => setViewport({ ...viewport!, x: viewport!.x + step }), ArrowRight: () => setViewport({ ...viewport!, x: viewport!.x - step }),
        ArrowUp: () => setViewport({ ...viewport!, y: viewport!.y + step }), ArrowDown: () => setViewport({ ...viewport!, y: viewport!.y - step }),
        Escape: () => {
            findingsList.close();
            select(undefined);
        },
        n: () => findingsList.step(1), N: () => findingsList.step(-1),
        Enter: () => openGroup(selected ? byId.get(selected) : undefined),
    };
    const href = event.key === 'Enter' ? linkAt(event.target) : undefined;
    if (href !== undefined) {
        event.preventDefault();
        vscode.postMessage({ type: 'openLink', href });
        return;
    }
    const action = actions[event.key];
    if (action) {
        event.preventDefault();
        action();
    }
});

// ---- toolbar

function syncToolbar(): void {
    picker.show(choices ?? [], options);
    // The button names what it does, not the state it is in.
    ui.direction.textContent = options.direction === 'RIGHT' ? 'Lay out top to bottom' : 'Lay out left to right';
    ui.direction.title = options.direction === 'RIGHT' ? 'Stack the tiers top to bottom' : 'Lay the tiers out from left to right';
    ui.legend.setAttribute('aria-pressed', String(options.legend));
    ui.legend.classList.toggle('pressed', options.legend);
    ui.sinceHead.setAttribute('aria-pressed', String(options.sinceHead === true));
    ui.sinceHead.classList.toggle('pressed', options.sinceHead === true);
    ui.focus.classList.toggle('pressed', options.focus !== undefined);
    ui.focus.setAttribute('aria-pressed', String(options.focus !== undefined));
    ui.clearFocus.disabled = options.focus === undefined;
}

function changeOptions(next: PreviewOptions): void {
    vscode.postMessage({ type: 'options', options: next });
}

function withoutFocus(current: PreviewOptions): PreviewOptions {
    return { view: current.view, direction: current.direction, legend: current.legend, sinceHead: current.sinceHead };
}

const picker = new ViewPicker(ui.view, ui.sequence, () => options, changeOptions);
ui.focus.addEventListener('click', () => {
    if (selected) changeOptions({ ...options, focus: selected });
});
ui.clearFocus.addEventListener('click', () => changeOptions(withoutFocus(options)));
ui.direction.addEventListener('click', () => changeOptions({ ...options, direction: options.direction === 'RIGHT' ? 'DOWN' : 'RIGHT' }));
ui.legend.addEventListener('click', () => changeOptions({ ...options, legend: !options.legend }));
ui.sinceHead.addEventListener('click', () => changeOptions({ ...options, sinceHead: !options.sinceHead }));
ui.zoomIn.addEventListener('click', () => zoomAtCentre(ZOOM_STEP));
ui.zoomOut.addEventListener('click', () => zoomAtCentre(1 / ZOOM_STEP));
ui.fit.addEventListener('click', fit);
ui.actualSize.addEventListener('click', () => {
    if (viewport) setViewport(actualSize(viewport, ui.stage.clientWidth, ui.stage.clientHeight));
});
ui.export.addEventListener('click', () => vscode.postMessage({ type: 'export' }));

const search = new DiagramSearch(ui.search, element => {
    if (!viewport) return;
    const stage = ui.stage.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    setViewport(centreOn(viewport, { left: box.left - stage.left, top: box.top - stage.top, width: box.width, height: box.height }, stage.width, stage.height));
}, () => ui.stage.focus());

guardLinks(href => vscode.postMessage({ type: 'openLink', href }));

const findingsList = new FindingsList(ui.counts, ui.nextFinding, ui.findingsList, id => {
    select(id);
    const item = byId.get(id);
    if (item) bringIntoView(item);
});

// ---- PNG export: the extension host has no canvas, the webview has

async function renderPng(message: RenderPngMessage): Promise<void> {
    try {
        const image = new Image();
        const loaded = new Promise<void>((resolve, reject) => {
            image.onload = () => resolve();
            image.onerror = () => reject(new Error('The SVG could not be loaded as an image.'));
        });
        // The CSP allows data: images; an SVG image is its own document, so its stylesheet applies.
        image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(message.svg)}`;
        await loaded;
        const canvas = document.createElement('canvas');
        canvas.width = Math.max(1, Math.round(message.width * message.scale));
        canvas.height = Math.max(1, Math.round(message.height * message.scale));
        const context = canvas.getContext('2d');
        if (!context) throw new Error('No 2D canvas is available.');
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        vscode.postMessage({ type: 'png', requestId: message.requestId, dataUrl: canvas.toDataURL('image/png') });
    } catch (error) {
        vscode.postMessage({ type: 'png', requestId: message.requestId, error: error instanceof Error ? error.message : String(error) });
    }
}

// ---- state

/** Saved a moment after the last change: wheel zooming changes the viewport many times a second. */
function save(): void {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
        if (uri) vscode.setState({ uri, options, viewport, viewports, opened });
    }, 150);
}

/** The saved zoom and pan of each view, those that are usable (the state is anyone's to write). */
function savedViewports(raw: unknown): Record<string, Viewport> {
    const kept: Record<string, Viewport> = Object.create(null);
    if (typeof raw !== 'object' || raw === null) return kept;
    for (const [key, value] of Object.entries(raw).slice(-MAX_VIEWPORTS)) if (isViewport(value)) kept[key] = value;
    return kept;
}

syncToolbar();
ui.focus.disabled = true;
// The server chooses the level of detail and the direction for the pane the diagram is
// fitted into: `ready` waits (a moment at most) for the stage to be laid out and have a size.
let readySent = false;
const sendReady = (pane?: Pane) => {
    if (readySent) return;
    readySent = true;
    performance.mark('archsight:ready');
    vscode.postMessage(pane ? { type: 'ready', pane } : { type: 'ready' });
};
watchPane(ui.stage, () => ui.banners.childElementCount > 0 || !ui.breadcrumb.hidden, pane => {
    if (readySent) vscode.postMessage({ type: 'pane', pane });
    else sendReady(pane);
});
setTimeout(sendReady, READY_WAIT_MS);
