import type { AstNode } from 'langium';
import type { ArchModel } from '../model/model-types.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** What a model check sees: the model, and a way to report on the document being validated. */
export interface CheckContext {
    readonly model: ArchModel;
    /** Reports on `node` when it belongs to the document being validated; otherwise drops it. */
    report(severity: Severity, message: string, code: string, target: { uri: string; node: AstNode; property?: string }): void;
}

/** A validation that reads only the semantic model. */
export type ModelCheck = (context: CheckContext) => void;
