import * as vscode from 'vscode';
import type { DiagramChoice, DiagramItem } from '../../../language-server/src/diagram/diagram-types.js';
import type { UndeclaredCall } from '../../../language-server/src/drift/drift-diagram-model.js';
import { forPane, type DiagramParams, type DiagramResponse } from '../../../language-server/src/protocol.js';
import type { Banner, DiagramMessage, FromWebviewMessage, Pane, PreviewOptions, StatusMessage, ToWebviewMessage } from '../../webview/messages.js';
import { changedMuch } from '../../webview/pane-size.js';
import { itemAtCursor } from './cursor-item.js';
import type { LastPane } from './last-pane.js';
import { openLink } from './link-opening.js';
import { parseWebviewMessage } from './message-validation.js';
import { createNonce, previewHtml } from './preview-html.js';
import { previewTheme } from './preview-settings.js';

/** Asks the language server for a diagram; the extension passes its client's request. */
export type DiagramSource = (params: DiagramParams, token: vscode.CancellationToken) => Promise<DiagramResponse>;

export const PREVIEW_VIEW_TYPE = 'archsight.preview';
/** Typing pauses shorter than this do not redraw the diagram. */
const EDIT_DEBOUNCE_MS = 200;
const PNG_TIMEOUT_MS = 30_000;
/**
 * The first diagram waits for the webview to say how large its pane is (the level of
 * detail and the direction are chosen for it); past this, it is drawn for no pane.
 */
const PANE_WAIT_MS = 1_500;

/** Where the webview's files are bundled: the only folder it may load from. */
export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(extensionUri, 'out', 'webview');
}

export function webviewPanelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [webviewRoot(extensionUri)] };
}

/**
 * The preview of one `.arch` document. It asks the language server for a new diagram
 * when the document changes, passes the answer to the webview, and acts on the webview's
 * (validated) messages. The webview keeps zoom, pan and options with `setState`, so the
 * panel does not need `retainContextWhenHidden`: when it is shown again it sends `ready`
 * and gets the latest diagram.
 */
export class PreviewPanel implements vscode.Disposable {
    private readonly disposables: vscode.Disposable[] = [];
    private readonly onDisposeEmitter = new vscode.EventEmitter<void>();
    readonly onDidDispose = this.onDisposeEmitter.event;

    private items: readonly DiagramItem[] = [];
    private knownIds: ReadonlySet<string> = new Set();
    /** The views and flows the document declared at the last drawing: what the picker may ask for. */
    private choices: readonly DiagramChoice[] = [];
    private readonly onDrawnEmitter = new vscode.EventEmitter<void>();
    private drawn = false;
    /** What the webview should show when it (re)loads. */
    private lastDiagram: DiagramMessage | undefined;
    private lastStatus: StatusMessage | undefined;
    private highlighted: string | undefined;
    /** What the last drawing opened on (`DiagramResult.subject`): the hint for the next. */
    private subject: string | undefined;
    /** Set when the view opens: the next request sends the editor's cursor. */
    private askCursor = true;
    /** Set when the view, focus or direction changes: the old zoom and pan mean nothing for the new layout. A new webview fits anyway. */
    private fitNext = false;
    private request: vscode.CancellationTokenSource | undefined;
    private requestSeq = 0;
    private editTimer: ReturnType<typeof setTimeout> | undefined;
    private pngSeq = 0;
    private readonly pendingPng = new Map<number, (message: { dataUrl?: string; error?: string }) => void>();
    private disposed = false;
    /** Whether the webview's script runs: a hidden webview is unloaded and loads again when shown. */
    private loaded = false;
    private readonly onReadyEmitter = new vscode.EventEmitter<void>();
    /** The pane the webview fits the diagram into: the level of detail and the direction are chosen for it. */
    private pane: Pane | undefined;
    /** Set once the user chose a direction: it is no longer chosen for the pane. */
    private directionChosen = false;
    /** Groups opened by double-clicks, first first (the breadcrumb). */
    private opened: string[] = [];
    private firstRequest: ReturnType<typeof setTimeout> | undefined;
    /** Set while the first drawing is asked for the last preview's pane, until the webview reports its own. */
    private paneGuessed = false;
    /** That drawing, when it came before the webview's pane: shown or dropped then, never drawn for the wrong pane. */
    private guessed: DiagramResponse | undefined;
    /** The calls "Check Drift…" found running but undeclared, drawn dashed until the model declares them. */
    private undeclaredCalls: readonly UndeclaredCall[];

    constructor(
        readonly panel: vscode.WebviewPanel,
        readonly documentUri: vscode.Uri,
        private options: PreviewOptions,
        private readonly extensionUri: vscode.Uri,
        private readonly source: DiagramSource,
        /** The pane a preview reported last: where the next one probably opens. */
        private readonly lastPane: LastPane,
        undeclaredCalls: readonly UndeclaredCall[] = [],
        /** The groups a preview had opened before a window reload: its first drawing opens them again. */
        opened: readonly string[] = [],
    ) {
        this.undeclaredCalls = undeclaredCalls;
        this.opened = [...opened];
        panel.webview.options = webviewPanelOptions(extensionUri);
        panel.iconPath = vscode.Uri.joinPath(extensionUri, 'extension', 'icons', 'arch-file.svg');
        panel.title = `Preview ${basename(documentUri)}`;
        panel.webview.html = this.html();
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            panel.webview.onDidReceiveMessage(raw => this.onMessage(raw)),
            panel.onDidChangeViewState(event => {
                if (!event.webviewPanel.visible) this.loaded = false;
            }),
            this.onReadyEmitter,
            this.onDrawnEmitter,
        );
        if (lastPane.current) {
            // Most previews open where the last one was: ask for the first drawing for that pane
            // now, while the webview loads, rather than after it has loaded and measured its own.
            this.pane = lastPane.current;
            this.paneGuessed = true;
            void this.update();
        } else {
            this.firstRequest = setTimeout(() => void this.update(), PANE_WAIT_MS);
        }
    }

    get previewOptions(): PreviewOptions {
        return this.options;
    }

    /** The views and flows the document declares, once the first diagram is drawn (none if it is not within `timeoutMs`). */
    async declaredChoices(timeoutMs = 10_000): Promise<readonly DiagramChoice[]> {
        if (!this.drawn) {
            await new Promise<void>(resolve => {
                const timer = setTimeout(() => { listener.dispose(); resolve(); }, timeoutMs);
                const listener = this.onDrawnEmitter.event(() => { clearTimeout(timer); listener.dispose(); resolve(); });
            });
        }
        return this.choices;
    }

    /** Shows a fixed filter, a declared view or a flow ("Show View…"), keeping the other options. */
    showView(options: PreviewOptions): Promise<void> {
        this.options = options;
        this.fitNext = true;
        this.askCursor = true;
        return this.update();
    }

    /** Draws these undeclared calls from now on (none: the plain model again). */
    showDrift(calls: readonly UndeclaredCall[]): Promise<void> {
        this.undeclaredCalls = calls;
        return this.update();
    }

    /** Takes the colours of `archsight.preview.theme` again (the setting changed). */
    applyTheme(): void {
        this.post({ type: 'theme', theme: previewTheme(this.documentUri) });
    }

    /** Redraws after a pause in typing. */
    scheduleUpdate(): void {
        clearTimeout(this.editTimer);
        this.editTimer = setTimeout(() => void this.update(), EDIT_DEBOUNCE_MS);
    }

    /** Asks for a new diagram now; an answer still outstanding is dropped. */
    async update(): Promise<void> {
        clearTimeout(this.editTimer);
        clearTimeout(this.firstRequest);
        this.firstRequest = undefined;
        this.request?.cancel();
        const request = this.request = new vscode.CancellationTokenSource();
        const seq = ++this.requestSeq;
        const { sinceHead, ...drawing } = this.options;
        const params: DiagramParams = {
            uri: this.documentUri.toString(),
            ...drawing,
            ...sinceHead && { changesSince: 'HEAD' },
            theme: 'vscode',
            // The preview zooms: the level of detail keeps the view's subject open, and a drawing that does not read fitted opens at readable text.
            ...(this.pane ? forPane(this.pane, !this.directionChosen) : {}),
            ...(this.opened.length > 0 ? { expand: this.opened } : {}),
            ...this.subjectParams(),
            // With nothing to keep on screen, a partial diagram is better than none.
            renderWhenStale: this.lastDiagram === undefined,
            ...(this.undeclaredCalls.length > 0 ? { undeclaredCalls: this.undeclaredCalls } : {}),
        };
        let response: DiagramResponse;
        this.post({ type: 'busy', busy: true });
        try {
            response = await this.source(params, request.token);
        } catch (error) {
            response = { uri: params.uri, error: error instanceof Error ? error.message : String(error) };
        } finally {
            request.dispose();
        }
        if (this.disposed || seq !== this.requestSeq || response.superseded) return;
        this.request = undefined;
        // Drawn for the last preview's pane: shown once the webview says its own is about the same.
        if (this.paneGuessed) {
            this.guessed = response;
            return;
        }
        this.show(response);
        this.post({ type: 'busy', busy: false });
    }

    /**
     * What the view is about: when it opens (the first drawing, another view) the element at
     * the editor's cursor; after that what the last drawing opened on, so that moving the
     * cursor while typing, or a double-click on a group (which reveals it in the editor),
     * does not change which groups are drawn closed.
     */
    private subjectParams(): Pick<DiagramParams, 'cursor' | 'hint'> {
        const editor = this.askCursor ? vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === this.documentUri.toString()) : undefined;
        this.askCursor = false;
        if (editor) return { cursor: { line: editor.selection.active.line, character: editor.selection.active.character } };
        return this.subject !== undefined ? { hint: this.subject } : {};
    }

    /** Highlights the element the editor's cursor is in. */
    showCursor(uri: vscode.Uri, position: vscode.Position): void {
        const id = itemAtCursor(this.items, uri.toString(), position)?.id;
        if (id === this.highlighted) return;
        this.highlighted = id;
        this.post({ type: 'highlight', id });
    }

    reveal(column?: vscode.ViewColumn): void {
        this.panel.reveal(column, true);
    }

    /** Draws a self-contained SVG onto the webview's canvas and returns the PNG bytes. */
    async renderPng(svg: string, width: number, height: number, scale: number): Promise<Uint8Array> {
        const requestId = ++this.pngSeq;
        await this.whenLoaded();
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => settle({ error: 'The preview did not answer.' }), PNG_TIMEOUT_MS);
            const settle = (answer: { dataUrl?: string; error?: string }) => {
                clearTimeout(timer);
                this.pendingPng.delete(requestId);
                if (answer.dataUrl) resolve(Buffer.from(answer.dataUrl.slice(answer.dataUrl.indexOf(',') + 1), 'base64'));
                else reject(new Error(answer.error ?? 'The preview could not draw the PNG.'));
            };
            this.pendingPng.set(requestId, settle);
            void this.panel.webview.postMessage({ type: 'renderPng', requestId, svg, width, height, scale } satisfies ToWebviewMessage);
        });
    }

    private async whenLoaded(): Promise<void> {
        if (!this.panel.visible) this.panel.reveal(undefined, true);
        if (this.loaded) return;
        await new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('The preview did not load.')), PNG_TIMEOUT_MS);
            const ready = this.onReadyEmitter.event(() => {
                clearTimeout(timer);
                ready.dispose();
                resolve();
            });
        });
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        clearTimeout(this.editTimer);
        clearTimeout(this.firstRequest);
        this.request?.cancel();
        for (const settle of this.pendingPng.values()) settle({ error: 'The preview was closed.' });
        this.onDisposeEmitter.fire();
        this.onDisposeEmitter.dispose();
        this.panel.dispose();
        for (const disposable of this.disposables.splice(0)) disposable.dispose();
    }

    private show(response: DiagramResponse): void {
        const uri = this.documentUri.toString();
        const banners: Banner[] = [];
        if (response.error) banners.push({ kind: 'error', text: `The diagram could not be drawn: ${response.error}` });
        if (response.stale) {
            const keep = response.diagram ? 'The preview shows what parsed.' : 'The preview shows the last diagram that parsed.';
            banners.push({ kind: 'stale', text: `${response.message ?? 'The file has syntax errors.'} ${keep}` });
        }
        if (response.diagram?.notice) banners.push({ kind: 'notice', text: response.diagram.notice });
        const changes = response.changes?.summary ?? response.changes?.notice;
        if (changes) banners.push({ kind: 'notice', text: changes });
        if (!response.diagram) {
            this.lastStatus = { type: 'status', uri, options: this.options, banners };
            if (this.loaded) this.post(this.lastStatus);
            return;
        }
        const { svg, width, height, items, direction } = response.diagram;
        // The direction drawn (chosen for the pane) is the one the toolbar offers to turn.
        if (direction) this.options = { ...this.options, direction };
        this.choices = response.diagram.choices ?? [];
        // A view or flow deleted from the file: the picker shows the filter drawn instead. (A partial parse keeps them.)
        if (!response.stale) this.options = withDeclared(this.options, this.choices);
        this.items = items;
        this.subject = response.diagram.subject;
        this.knownIds = new Set(items.map(item => item.id));
        this.lastDiagram = {
            type: 'diagram', uri, svg, width, height, options: this.options,
            findings: response.findings ?? {}, blastRadius: response.blastRadius, fit: this.fitNext, banners,
            opened: this.opened, choices: this.choices,
            ...(response.diagram.subject !== undefined ? { subject: response.diagram.subject } : {}),
        };
        this.lastStatus = undefined;
        this.fitNext = false;
        // A webview that has not said `ready` yet (still loading, or hidden) is sent the drawing
        // when it does; one drawn before it reported its pane is drawn again for the pane then.
        if (this.loaded) this.post(this.lastDiagram);
        this.drawn = true;
        this.onDrawnEmitter.fire();
        this.refreshCursor();
    }

    private onMessage(raw: unknown): void {
        const message = parseWebviewMessage(raw, this.knownIds, this.choices);
        if (message) void this.handle(message);
    }

    private async handle(message: FromWebviewMessage): Promise<void> {
        switch (message.type) {
            case 'ready': {
                this.loaded = true;
                this.onReadyEmitter.fire();
                const guessed = this.guessed;
                this.guessed = undefined;
                this.paneGuessed = false;
                if (message.pane) {
                    const drawnFor = this.pane;
                    this.pane = message.pane;
                    this.lastPane.report(message.pane);
                    // The first diagram is drawn for the pane the webview just reported; so is one
                    // drawn meanwhile for no pane (a slow webview) or for a pane of another shape.
                    if (this.firstRequest !== undefined) return this.update();
                    if (changedMuch(drawnFor, message.pane)) {
                        this.fitNext = true;
                        return this.update();
                    }
                }
                if (this.firstRequest !== undefined) return this.update();
                if (guessed) {
                    this.show(guessed);
                    this.post({ type: 'busy', busy: false });
                    return;
                }
                // A reloaded webview takes its zoom and pan from its saved state, or fits if it has none.
                if (this.lastDiagram) this.post({ ...this.lastDiagram, fit: false });
                if (this.lastStatus) this.post(this.lastStatus);
                if (this.highlighted) this.post({ type: 'highlight', id: this.highlighted });
                if (this.request) this.post({ type: 'busy', busy: true });
                return;
            }
            case 'reveal':
                return this.revealDeclaration(message.id);
            case 'options': {
                const { view, focus, direction, sinceHead, named, flow, as } = this.options;
                const next = message.options;
                const otherView = view !== next.view || named !== next.named || flow !== next.flow || as !== next.as;
                // The webview brings back the zoom and pan it had for a view it showed before.
                this.fitNext = otherView || focus !== next.focus || direction !== next.direction || sinceHead !== next.sinceHead;
                if (otherView) this.askCursor = true;
                if (direction !== message.options.direction) this.directionChosen = true;
                this.options = message.options;
                return this.update();
            }
            case 'pane':
                this.pane = message.pane;
                this.lastPane.report(message.pane);
                this.fitNext = true;
                return this.update();
            case 'openGroup':
                if (!this.opened.includes(message.id)) this.opened = [...this.opened, message.id];
                this.fitNext = true;
                return this.update();
            case 'back':
                if (message.depth >= this.opened.length) return;
                this.opened = this.opened.slice(0, message.depth);
                this.fitNext = true;
                return this.update();
            case 'export':
                await vscode.commands.executeCommand('archsight.exportDiagram', this.documentUri);
                return;
            case 'png':
                this.pendingPng.get(message.requestId)?.(message);
                return;
            case 'openLink':
                return openLink(message.href, this.documentUri);
        }
    }

    /** Opens the declaration of a clicked node or edge in an editor and selects it. */
    private async revealDeclaration(id: string): Promise<void> {
        const item = this.items.find(candidate => candidate.id === id);
        if (!item) return;
        const uri = vscode.Uri.parse(item.uri);
        const range = new vscode.Range(item.range.start.line, item.range.start.character, item.range.end.line, item.range.end.character);
        const visible = vscode.window.visibleTextEditors.find(editor => editor.document.uri.toString() === item.uri);
        const column = visible?.viewColumn
            ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
        const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, selection: range, preserveFocus: false });
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }

    /** After a redraw the items moved: find the cursor's element again. */
    private refreshCursor(): void {
        const editor = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === this.documentUri.toString());
        if (editor) this.showCursor(editor.document.uri, editor.selection.active);
    }

    private post(message: ToWebviewMessage): void {
        if (!this.disposed) void this.panel.webview.postMessage(message);
    }

    private html(): string {
        const webview = this.panel.webview;
        const root = webviewRoot(this.extensionUri);
        return previewHtml({
            cspSource: webview.cspSource,
            nonce: createNonce(),
            scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'preview.js')).toString(),
            styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'preview.css')).toString(),
            title: this.panel.title,
            theme: previewTheme(this.documentUri),
            madeAt: Date.now(),
        });
    }
}

/** The options without a view or flow the document no longer declares. */
function withDeclared(options: PreviewOptions, choices: readonly DiagramChoice[]): PreviewOptions {
    const has = (kind: DiagramChoice['kind'], id: string | undefined) => id === undefined || choices.some(c => c.kind === kind && c.id === id);
    if (has('view', options.named) && has('flow', options.flow)) return options;
    const { named, flow, as, ...rest } = options;
    return {
        ...rest,
        ...(has('view', named) && named !== undefined ? { named } : {}),
        ...(has('flow', flow) && flow !== undefined ? { flow, ...(as ? { as } : {}) } : {}),
    };
}

function basename(uri: vscode.Uri): string {
    return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
