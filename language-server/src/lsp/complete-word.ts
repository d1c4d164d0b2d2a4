import { CompletionList } from 'vscode-languageserver';

/** The word the cursor ends: ids, keywords, technologies and values such as `500ms` or `aws-lambda`. */
export function wordBefore(text: string, offset: number): string {
    return /[\w.-]*$/.exec(text.substring(Math.max(0, offset - 200), offset))![0];
}

/**
 * Completion that lets go of a word once it is complete. VS Code asks once, at the
 * first letter of a word, and then filters that list itself as the user types; so
 * after `database ordersDb : postgres` the list still shows `postgres`, and Enter
 * (which accepts by default) inserts it again instead of a newline. Marking every
 * list incomplete makes VS Code ask again at each keystroke, and a word that already
 * is one of the choices gets no list, so the suggestion widget closes.
 */
export function letGoOfCompleteWord(list: CompletionList | undefined, word: string): CompletionList | undefined {
    if (!list) return list;
    if (word && list.items.some(item => (item.filterText ?? item.label) === word)) return CompletionList.create([], true);
    return CompletionList.create(list.items, true);
}
