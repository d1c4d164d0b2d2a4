import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { DiagramFinding, DiagramOptions, DiagramResult } from './diagram/diagram-types.js';
import type { FindingEntry, ItemChange } from './diff/diff-types.js';
import type { UndeclaredCall } from './drift/drift-diagram-model.js';

/**
 * The custom messages between the language server and the VS Code extension, one
 * namespace per message. Both sides import this file, so the method names and the
 * shapes of the parameters cannot drift apart.
 */

/** What the preview or the export asks for: a document and how to draw it. */
export interface DiagramParams {
    /** The document's URI as the client knows it. */
    readonly uri: string;
    readonly view: DiagramOptions['view'];
    /** A view the document declares (`view payments { … }`): drawn instead of `view` and `focus`. */
    readonly named?: string;
    /** A flow the document declares, drawn on the diagram or, with `as: 'sequence'`, as a sequence diagram. */
    readonly flow?: string;
    readonly as?: DiagramOptions['as'];
    readonly focus?: string;
    readonly direction: DiagramOptions['direction'];
    readonly theme: DiagramOptions['theme'];
    readonly legend: boolean;
    /**
     * The pane the preview shows the diagram in (CSS px): the server then draws the most
     * detailed level of detail that reads there (and, with `chooseDirection`, the direction
     * that fits it), as `archsight render` does for its `--pane`.
     */
    readonly pane?: DiagramOptions['pane'];
    readonly chooseDirection?: boolean;
    readonly level?: DiagramOptions['level'];
    /** Groups opened in place (a double-click on a closed group). */
    readonly expand?: readonly string[];
    /** The preview zooms and pans: the level of detail keeps the view's subject open (`DiagramOptions.zoomable`). */
    readonly zoomable?: boolean;
    /** The element or group the view is about (what the last drawing opened on): the subject of the view when it is drawn. */
    readonly hint?: string;
    /** Where the editor's cursor is in this document: the element or group declared there is the hint (it wins over `hint`). */
    readonly cursor?: { readonly line: number; readonly character: number };
    /**
     * When the document has syntax errors, draw what did parse anyway. The preview asks for
     * this only while it has no good diagram to keep; an export never does.
     */
    readonly renderWhenStale?: boolean;
    /**
     * A git revision (the preview sends `HEAD`): draw the document with the changes since
     * the file's version there marked, as `archsight diff --format svg` marks them.
     */
    readonly changesSince?: string;
    /**
     * Calls that run but the model does not declare ("Check Drift…"): drawn between their
     * ends, dashed in the finding colour, until the model declares them.
     */
    readonly undeclaredCalls?: readonly UndeclaredCall[];
}

/**
 * The answer to a {@link DiagramRequest}. Failures come back as `error` rather than as a
 * rejected request, so that the preview can say what went wrong and keep what it shows.
 */
export interface DiagramResponse {
    readonly uri: string;
    /** The version of the document the answer was computed from. */
    readonly version?: number;
    /** Absent when the document did not parse (see `stale`) or the request failed. */
    readonly diagram?: DiagramResult;
    /** The document's diagnostics by the element, group or relation whose declaration holds them. */
    readonly findings?: Readonly<Record<string, readonly DiagramFinding[]>>;
    /** For each element: what fails with it (see `analysis/blast-radius.ts`). */
    readonly blastRadius?: Readonly<Record<string, readonly string[]>>;
    /** The document has syntax errors: keep the last good diagram. `message` says where. */
    readonly stale?: boolean;
    readonly message?: string;
    /** With `changesSince`: a summary of the changes marked, or why none are (not in git, a new file). */
    readonly changes?: { readonly summary?: string; readonly notice?: string };
    /** A newer request for the same document arrived first; this answer carries nothing. */
    readonly superseded?: boolean;
    readonly error?: string;
}

export namespace DiagramRequest {
    export const method = 'archsight/diagram';
    export const type = new RequestType<DiagramParams, DiagramResponse, void>(method);
}

/** What "Compare Architecture with…" compares the document with. */
export type CompareTarget =
    | { readonly kind: 'revision'; readonly revision: string }
    | { readonly kind: 'file'; readonly uri: string };

export interface CompareParams {
    /** The document as the editor holds it now (unsaved edits included) is the new side. */
    readonly uri: string;
    readonly against: CompareTarget;
}

/** The diff diagram (theme `vscode`) and the changes beside it; `error` instead when it failed. */
export interface CompareResponse {
    readonly title: string;
    readonly summary?: string;
    readonly svg?: string;
    readonly changes?: readonly ItemChange[];
    readonly introduced?: readonly FindingEntry[];
    readonly fixed?: readonly FindingEntry[];
    readonly error?: string;
}

export namespace CompareRequest {
    export const method = 'archsight/compare';
    export const type = new RequestType<CompareParams, CompareResponse, void>(method);
}

/** `Archsight: Import Architecture…`: the files and folders to read, and the title to give. */
export interface ImportParams {
    /** File-system paths of compose files, manifests, folders and trace files. */
    readonly sources: readonly string[];
    readonly title: string;
}

/** The formatted `.arch` text, or one line saying why there is none. */
export interface ImportResponse {
    readonly text?: string;
    readonly elements?: number;
    readonly relations?: number;
    /** What to fix in the sources (a missing env file); the model was written all the same. */
    readonly warnings?: readonly string[];
    readonly error?: string;
}

export namespace ImportRequest {
    export const method = 'archsight/import';
    export const type = new RequestType<ImportParams, ImportResponse, void>(method);
}

/** `Archsight: Check Drift…`: a model document and the sources to compare it with. */
export interface DriftParams {
    readonly uri: string;
    readonly sources: readonly string[];
}

/** One difference between the model and the sources; without a range it is about the architecture as a whole. */
export interface DriftItem {
    readonly code: string;
    readonly severity: 'warning' | 'info';
    readonly message: string;
    /** The document the range is in (a file the model imports, or the model itself). */
    readonly uri: string;
    readonly range?: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
    /** For a call the model does not declare: its ends. */
    readonly call?: UndeclaredCall;
}

export interface DriftResponse {
    readonly findings?: readonly DriftItem[];
    readonly error?: string;
}

export namespace DriftRequest {
    export const method = 'archsight/drift';
    export const type = new RequestType<DriftParams, DriftResponse, void>(method);
}

/**
 * What a new preview asks for first. The server lays that out as soon as a file is opened
 * (see `lsp/layout-warm-up.ts`), so the first preview finds its layout done and ELK warm.
 */
export const FIRST_PREVIEW = { view: 'all', direction: 'DOWN', legend: true } as const satisfies Pick<DiagramParams, 'view' | 'direction' | 'legend'>;

/**
 * How the preview asks for a drawing for its pane: the level of detail and the direction
 * chosen for the pane, the subject kept open (it zooms). The server's warm-up of an opened
 * file asks the same, so that the preview finds those layouts made.
 */
export function forPane(pane: NonNullable<DiagramParams['pane']>, chooseDirection = true): Pick<DiagramParams, 'pane' | 'level' | 'chooseDirection' | 'zoomable'> {
    return { pane, level: 'auto', chooseDirection, zoomable: true };
}

/** An ```arch fenced block of a Markdown file, to draw in VS Code's Markdown preview. */
export interface SnippetParams {
    readonly text: string;
    /** The Markdown file's URI: the block's imports are read relative to its folder. */
    readonly baseUri?: string;
}

/** The block drawn with the light and the dark stylesheet; `error` (one line) instead when it cannot be drawn. */
export interface SnippetResponse {
    readonly title?: string;
    readonly light?: string;
    readonly dark?: string;
    readonly error?: string;
}

export namespace SnippetRequest {
    export const method = 'archsight/snippet';
    export const type = new RequestType<SnippetParams, SnippetResponse, void>(method);
}

/** "Export Diagram…" in a text format: the view of the preview (or the settings), written by the server. */
export interface ExportParams extends DiagramParams {
    readonly format: 'mermaid' | 'drawio' | 'json';
}

/** The file's text, or why there is none (one line). */
export interface ExportResponse {
    readonly text?: string;
    readonly error?: string;
}

export namespace ExportRequest {
    export const method = 'archsight/export';
    export const type = new RequestType<ExportParams, ExportResponse, void>(method);
}

/** What the extension gives the server when it starts it (`initializationOptions`). */
export interface ServerInitOptions {
    /**
     * An absolute folder where the server keeps layouts between sessions (the extension's
     * global storage), so that a file opened again is drawn without laying it out.
     */
    readonly layoutCache?: string;
    /**
     * The pane the last preview reported (CSS px, kept by the extension between sessions):
     * a file opened in the editor is laid out ahead for a preview of that size.
     */
    readonly previewPane?: DiagramOptions['pane'];
}

/** The extension's preview reported a pane of another size: files opened from now on are laid out ahead for it. */
export namespace PreviewPaneNotification {
    export const method = 'archsight/previewPane';
    export const type = new NotificationType<NonNullable<DiagramOptions['pane']>>(method);
}
