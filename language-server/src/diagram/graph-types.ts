import type { ElementKind, GroupKind, Signal } from '../model/kinds.js';
import type { RelationKind } from '../model/model-types.js';
import type { ModelLink } from '../model/annotations.js';

/**
 * What flows between the pipeline stages: `toElkGraph` describes each node and edge as
 * drawn (text already measured and wrapped), the layout places them, and the renderer
 * draws the placed diagram. Only sizes and ids reach ELK; the text stays here.
 */

export type FlowDirection = 'RIGHT' | 'DOWN';

export interface NodeSpec {
    readonly id: string;
    readonly type: 'element' | 'group';
    /** `data-plane`: the box drawn around a mesh's members when its control plane configures them as one. */
    readonly kind: ElementKind | GroupKind | 'data-plane';
    /** The label as drawn: wrapped into lines, cut with an ellipsis if too long. */
    readonly lines: readonly string[];
    /** The technology as drawn, on one line. */
    readonly technology?: string;
    /** The full text, for the tooltip. */
    readonly title: string;
    readonly width: number;
    readonly height: number;
    /** A sidecar's host: the sidecar is drawn docked to it. */
    readonly hostId?: string;
    /**
     * An element drawn around its parts (a service's versions, a database server's
     * databases): the height of the band at the top that holds its own icon and text.
     */
    readonly band?: number;
    /** A group drawn as one box past the size limit: how many elements it stands for. */
    readonly collapsed?: number;
    /** Links safe to follow (`safe-link.ts`), drawn as marks at the top-right corner. */
    readonly links?: readonly ModelLink[];
    /** The tags, written into `data-tags` for the preview's search. */
    readonly tags?: readonly string[];
}

export interface EdgeSpec {
    readonly id: string;
    readonly kind: RelationKind;
    readonly signal?: Signal;
    readonly sourceId: string;
    readonly targetId: string;
    /** The label as drawn: the protocol on one line, the label on the next, each cut to fit. */
    readonly labelLines: readonly string[];
    readonly title: string;
    readonly labelWidth: number;
    readonly labelHeight: number;
    /** For a bundle of observability links drawn as one edge: the relations it stands for. */
    readonly relationIds?: readonly string[];
    /** Links safe to follow; the label links to the first. */
    readonly links?: readonly ModelLink[];
}

export interface Point {
    readonly x: number;
    readonly y: number;
}

export interface Box {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
}

/** A node in absolute coordinates. Groups come before their members, so they are drawn below them. */
export interface PlacedNode extends Box {
    readonly spec: NodeSpec;
    /** How deep it is nested in groups: 0 at the top level. */
    readonly depth: number;
}

export interface PlacedEdge {
    readonly spec: EdgeSpec;
    /** The route from the source's border to the target's border, in absolute coordinates. */
    readonly points: readonly Point[];
    readonly labelBox?: Box;
}

export interface LaidOutDiagram {
    readonly width: number;
    readonly height: number;
    readonly direction: FlowDirection;
    readonly nodes: readonly PlacedNode[];
    readonly edges: readonly PlacedEdge[];
}
