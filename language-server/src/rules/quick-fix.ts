import type { TargetRef } from './finding.js';

/** A property to write: `key` alone for a flag, `key value` otherwise. */
export interface PropertyEdit {
    readonly key: string;
    readonly value?: string;
}

/**
 * A fix described as data: it travels in the diagnostic's `data` to the code action
 * provider, which turns it into a text edit against the document as it is then.
 */
export type QuickFix =
    /** Writes properties on a declaration, replacing a value that is already there. */
    | { readonly kind: 'set-properties'; readonly title: string; readonly target: TargetRef; readonly properties: readonly PropertyEdit[] }
    /** Declares a sidecar inside a service's braces. */
    | { readonly kind: 'add-sidecar'; readonly title: string; readonly elementId: string; readonly sidecarId: string; readonly technology: string }
    /** Writes new declarations or relations (`a ..> b`) on the lines after an element's declaration. */
    | { readonly kind: 'add-lines'; readonly title: string; readonly afterId: string; readonly lines: readonly string[] }
    /**
     * Puts a gateway in front of services: declares it after `anchorId` (when `declare`),
     * points the `reroute` relations at it, makes sure it calls each of the `behind`
     * elements, and makes the `unexpose` elements internal.
     */
    | {
        readonly kind: 'insert-gateway'; readonly title: string; readonly anchorId: string; readonly gatewayId: string;
        readonly declare: boolean; readonly reroute: readonly string[]; readonly behind: readonly string[]; readonly unexpose: readonly string[];
    }
    /** Adds `trigger source` to a function. */
    | { readonly kind: 'add-trigger'; readonly title: string; readonly functionId: string; readonly sourceId: string }
    /** Deletes an element's declaration. */
    | { readonly kind: 'remove-element'; readonly title: string; readonly elementId: string }
    /** Replaces a relation's arrow, e.g. a synchronous call by an asynchronous message. */
    | { readonly kind: 'change-arrow'; readonly title: string; readonly relationId: string; readonly arrow: '->' | '~>' };

/** The data a rule diagnostic carries: Langium's `code`, what the finding is on, and the fixes. */
export interface RuleDiagnosticData {
    readonly code: string;
    readonly target: TargetRef;
    readonly fixes: readonly QuickFix[];
    /** The ids the finding names (its target first, then the related places): its stable fingerprint's subject. */
    readonly subject?: readonly string[];
}
