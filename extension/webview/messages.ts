import type { DiagramChoice, DiagramFinding, DiagramOptions, DiagramView } from '../../language-server/src/diagram/diagram-types.js';

/**
 * The messages between the extension and the preview webview: a discriminated union on
 * `type` each way. Types only, imported with `import type` on both sides, so nothing of
 * the extension ends up in the webview bundle or the other way round.
 */

/** The choices of the preview's toolbar that change what the server draws. */
export interface PreviewOptions {
    readonly view: DiagramView;
    /** A view the document declares, drawn instead of `view` (the server falls back to `view` when the document no longer has it). */
    readonly named?: string;
    /** A flow the document declares, drawn on the diagram or (`as: 'sequence'`) as a sequence diagram; wins over `named`. */
    readonly flow?: string;
    readonly as?: DiagramOptions['as'];
    /** The element whose neighbourhood is shown, or none. */
    readonly focus?: string;
    readonly direction: DiagramOptions['direction'];
    readonly legend: boolean;
    /** Mark the changes since the file's version at git HEAD (added, removed, changed), as `archsight diff` does. */
    readonly sinceHead?: boolean;
}

/** What the webview keeps with `setState`, so a preview comes back after a window reload. */
export interface PreviewState {
    readonly uri: string;
    readonly options: PreviewOptions;
    readonly viewport?: Viewport;
    /** The zoom and pan of each view shown, by `viewKey` (`view-choice.ts`): a view comes back as it was left. */
    readonly viewports?: Readonly<Record<string, Viewport>>;
    /** Groups opened by double-clicks, first first: they are open again after a reload. */
    readonly opened?: readonly string[];
}

/** The room the diagram is fitted into, in CSS pixels (`pane-size.ts`). */
export interface Pane {
    readonly width: number;
    readonly height: number;
}

/** Pan (in screen pixels) and zoom of the diagram. */
export interface Viewport {
    readonly x: number;
    readonly y: number;
    readonly scale: number;
}

/** A line above the diagram: why it is not up to date, or what went wrong. */
export interface Banner {
    readonly kind: 'stale' | 'error' | 'notice';
    readonly text: string;
}

// ---- extension → webview

/** A new diagram to show in place of the current one. */
export interface DiagramMessage {
    readonly type: 'diagram';
    readonly uri: string;
    readonly svg: string;
    readonly width: number;
    readonly height: number;
    readonly options: PreviewOptions;
    readonly findings: Readonly<Record<string, readonly DiagramFinding[]>>;
    readonly blastRadius?: Readonly<Record<string, readonly string[]>>;
    /** Fit the diagram to the view instead of keeping the user's zoom and pan. */
    readonly fit: boolean;
    readonly banners: readonly Banner[];
    /** The ids of the groups opened one after the other by double-clicks, first first: the breadcrumb. */
    readonly opened?: readonly string[];
    /** The views and flows the document declares, for the view picker. */
    readonly choices?: readonly DiagramChoice[];
    /**
     * The `data-id` of what the view is about (`DiagramResult.subject`): a drawing that does
     * not read fitted into the pane opens at a readable zoom with it in view (`openingViewport`).
     */
    readonly subject?: string;
}

/** No new diagram: keep the current one and show why. */
export interface StatusMessage {
    readonly type: 'status';
    readonly uri: string;
    readonly options: PreviewOptions;
    readonly banners: readonly Banner[];
}

/** The element the editor's cursor is in, or none. */
export interface HighlightMessage {
    readonly type: 'highlight';
    readonly id?: string;
}

/** Draw this self-contained SVG onto a canvas and answer with a PNG (see {@link PngMessage}). */
export interface RenderPngMessage {
    readonly type: 'renderPng';
    readonly requestId: number;
    readonly svg: string;
    readonly width: number;
    readonly height: number;
    readonly scale: number;
}

/** The server is drawing (a progress bar shows), or has answered. */
export interface BusyMessage {
    readonly type: 'busy';
    readonly busy: boolean;
}

/** The diagram's colours (`archsight.preview.theme`): the editor's theme (`auto`), or fixed light or dark ones. */
export type PreviewTheme = 'auto' | 'light' | 'dark';

/** The user changed `archsight.preview.theme`. */
export interface ThemeMessage {
    readonly type: 'theme';
    readonly theme: PreviewTheme;
}

export type ToWebviewMessage = DiagramMessage | StatusMessage | HighlightMessage | RenderPngMessage | BusyMessage | ThemeMessage;

// ---- webview → extension

/** The webview has loaded and wants the latest diagram. */
export interface ReadyMessage {
    readonly type: 'ready';
    /** The pane the diagram will be fitted into, when the webview has a size yet. */
    readonly pane?: Pane;
}

/** The pane changed its shape much: draw for the new size. */
export interface PaneMessage {
    readonly type: 'pane';
    readonly pane: Pane;
}

/** The user double-clicked a closed group (or pressed Enter on it): draw it open. */
export interface OpenGroupMessage {
    readonly type: 'openGroup';
    readonly id: string;
}

/** The user went back in the breadcrumb: keep only the first `depth` opened groups. */
export interface BackMessage {
    readonly type: 'back';
    readonly depth: number;
}

/** The user clicked a node or an edge: reveal its declaration. */
export interface RevealMessage {
    readonly type: 'reveal';
    readonly id: string;
}

/** The user changed the view filter, focus, direction, legend or the changes since HEAD. */
export interface OptionsMessage {
    readonly type: 'options';
    readonly options: PreviewOptions;
}

/** The user clicked a link drawn on the diagram: the extension opens it (after VS Code's confirmation for a web address). */
export interface OpenLinkMessage {
    readonly type: 'openLink';
    /** As drawn: http, https or a path relative to the `.arch` file. */
    readonly href: string;
}

/** The user asked for an export from the toolbar. */
export interface ExportMessage {
    readonly type: 'export';
}

/** The answer to a {@link RenderPngMessage}: a `data:image/png;base64,` URL, or why not. */
export interface PngMessage {
    readonly type: 'png';
    readonly requestId: number;
    readonly dataUrl?: string;
    readonly error?: string;
}

export type FromWebviewMessage = ReadyMessage | RevealMessage | OptionsMessage | ExportMessage | PngMessage | PaneMessage | OpenGroupMessage | BackMessage | OpenLinkMessage;
