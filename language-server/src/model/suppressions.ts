import type { AstNode } from 'langium';
import { CstUtils } from 'langium';

const IGNORE_COMMENT = /archsight-ignore\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/g;

/** Rule ids named by `archsight-ignore` comments directly above a declaration, relation or flow step. */
export function suppressionsOf(node: AstNode): string[] {
    const comments: string[] = [];
    let previous = node.$cstNode ? CstUtils.getPreviousNode(node.$cstNode, true) : undefined;
    while (previous && previous.hidden && /^(\/\/|\/\*)/.test(previous.text)) {
        comments.unshift(previous.text);
        previous = CstUtils.getPreviousNode(previous, true);
    }
    return comments.flatMap(text => [...text.matchAll(IGNORE_COMMENT)].flatMap(m => m[1].split(',').map(id => id.trim())));
}
