import type { Range } from 'vscode-languageserver-types';

/**
 * The contract between the diagram pipeline (model → ELK → layout → SVG), the language
 * server's diagram request, the preview and `archsight render`. Plain JSON, so the
 * extension and the webview can import it as types.
 */

/** Which relations and elements a diagram shows. */
export type DiagramView = 'all' | 'calls' | 'messaging' | 'observability';

export interface DiagramOptions {
    readonly view: DiagramView;
    /** A view declared in the file (`view payments { … }`): draws what it selects instead of `view` and `focus`. */
    readonly named?: string;
    /**
     * A flow declared in the file (`flow checkout { … }`): its steps drawn numbered on the
     * diagram and everything else dimmed, or, with `as: 'sequence'`, a sequence diagram.
     */
    readonly flow?: string;
    /** How a flow is drawn: on the architecture diagram (the default) or as a sequence diagram. */
    readonly as?: 'diagram' | 'sequence';
    /** Show only this element (or group) and its direct neighbours. */
    readonly focus?: string;
    /** Tiers run left to right (`RIGHT`) or top to bottom (`DOWN`). */
    readonly direction: 'RIGHT' | 'DOWN';
    /** `vscode` styles with the editor's CSS variables; `light` and `dark` embed a stylesheet for export. */
    readonly theme: 'vscode' | 'light' | 'dark';
    readonly legend: boolean;
    /** Findings to draw on the diagram, by element, group or relation id. */
    readonly findings?: Readonly<Record<string, readonly DiagramFinding[]>>;
    /** Items on the path of a finding reported on another item (the hops of a chain), by id: marked, not counted. */
    readonly findingPaths?: Readonly<Record<string, readonly DiagramFinding[]>>;
    /**
     * Changes to mark, by element, group or relation id (`archsight diff`, the compare
     * view, the drift view): drawn as `change-<kind>` classes, with a key to them in the legend.
     */
    readonly changes?: Readonly<Record<string, DiagramChange>>;
    /**
     * Draw at most this many elements one by one; a larger view is drawn with its
     * top-level groups collapsed, and says so in `notice` (default 600, see `collapse.ts`).
     */
    readonly maxElements?: number;
    /**
     * The pane the view opens in, in CSS pixels. With it the level of detail (and, with
     * `chooseDirection`, the direction) is chosen so that labels are at least 9 px tall
     * when the drawing is fitted into the pane (`level-of-detail.ts`).
     */
    readonly pane?: { readonly width: number; readonly height: number };
    /** Lay out both ways and keep the one that reads larger in `pane`; `direction` wins a tie. */
    readonly chooseDirection?: boolean;
    /**
     * Which groups are drawn open: `auto` (the default with a pane) the most detailed level
     * that reads in the pane; `full` every group (the default without one); a number `n`
     * the groups nested less than `n` deep (0: every group closed).
     */
    readonly level?: 'auto' | 'full' | number;
    /** Groups drawn open whatever the level (with the groups around them). */
    readonly expand?: readonly string[];
    /**
     * The drawing is shown where it can be zoomed and panned (the preview): `level: 'auto'`
     * never closes the view's subject; when the subject does not read fitted into the pane,
     * the viewer opens it at the zoom where it reads (`subject` in the result says where).
     * Without it (`archsight render`) the subject closes too if that is what reads.
     */
    readonly zoomable?: boolean;
    /** The element or group the user is at (the editor's cursor): the view's subject when it is drawn. */
    readonly hint?: string;
}

/**
 * How a drawn item differs from the architecture it is compared with (`added`, `removed`,
 * `changed`), or, in the drift view, a call that runs but the model does not declare
 * (`undeclared`).
 */
export type DiagramChange = 'added' | 'removed' | 'changed' | 'undeclared';

export interface DiagramFinding {
    readonly severity: 'error' | 'warning' | 'info';
    readonly message: string;
    readonly code?: string;
}

/** Where each drawn thing is declared, so that a click can reveal it. */
export interface DiagramItem {
    /**
     * The `data-id` of the drawn node or edge. In the overview, the observability links of
     * a group's members are drawn as one edge with an id `bundle:<group>..><target>[:<signal>]`
     * (never a relation id) and `data-relations="<relation ids>"`; its item points at the
     * first of those relations.
     */
    readonly id: string;
    readonly type: 'element' | 'group' | 'relation';
    readonly uri: string;
    /** The name of a declaration, the ends of a relation. */
    readonly range: Range;
    /** The whole declaration: the cursor anywhere in it highlights the item. */
    readonly fullRange: Range;
}

export interface DiagramResult {
    /**
     * A complete `<svg>` document. Nodes are `<g class="node kind-<kind> tier-<tier>" data-id>`
     * (sidecars add `docked` and `data-host`), groups `<g class="group group-<kind>" data-id>`,
     * edges `<g class="edge rel-<kind> [signal-<signal>] [bundle]" data-id data-source data-target>`;
     * findings add `finding-<severity>` and lines to the `<title>`. A flow adds `flow-step`
     * (with `flow-optional`, `flow-awaited`) to its steps' edges, `flow-dimmed` to what it does
     * not pass through, and badges `<g class="flow-badge" data-id="<edge>" data-steps="3a 5">`.
     * A sequence diagram (`as: 'sequence'`, root class `archsight-sequence`) draws participants
     * as `node participant` and steps as `edge message` with `data-id="step:<number>"`
     * (`step:<number>:answer` for the answer to an awaited message); its items point at the steps.
     */
    readonly svg: string;
    readonly width: number;
    readonly height: number;
    readonly items: readonly DiagramItem[];
    /** The direction the drawing was laid out in (chosen when `chooseDirection`). */
    readonly direction?: 'RIGHT' | 'DOWN';
    /** Set when the view leaves elements out (filters, focus, size limit), in words for the user. */
    readonly notice?: string;
    /** The views and flows the document declares, for the preview's view picker. */
    readonly choices?: readonly DiagramChoice[];
    /**
     * The `data-id` of the drawn item the view is about, for a viewer that opens a drawing
     * too large to read fitted at a readable zoom: the hinted element when it is drawn, else
     * the subject group (`level-subject.ts`), else a flow's first step's sender.
     */
    readonly subject?: string;
}

/** A view or flow the user can pick: its id (`named` or `flow` in the options) and label. */
export interface DiagramChoice {
    readonly kind: 'view' | 'flow';
    readonly id: string;
    readonly label: string;
}
