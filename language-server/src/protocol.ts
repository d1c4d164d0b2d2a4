import { RequestType } from 'vscode-languageserver-protocol';
import type { DiagramFinding, DiagramOptions, DiagramResult } from './diagram/diagram-types.js';

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
    /**
     * When the document has syntax errors, draw what did parse anyway. The preview asks for
     * this only while it has no good diagram to keep; an export never does.
     */
    readonly renderWhenStale?: boolean;
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
    /** A newer request for the same document arrived first; this answer carries nothing. */
    readonly superseded?: boolean;
    readonly error?: string;
}

export namespace DiagramRequest {
    export const method = 'archsight/diagram';
    export const type = new RequestType<DiagramParams, DiagramResponse, void>(method);
}
