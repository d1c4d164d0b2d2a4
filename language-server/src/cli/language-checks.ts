/**
 * Help for the language's own checks (not the reviewer's rules), as SARIF shows it beside a
 * result: what the code means and where the language reference explains it. Mirrors the
 * table "What validation reports" in docs/language.md.
 */
export const LANGUAGE_DOCS_URL = 'https://github.com/archsight/archsight/blob/main/docs/language.md#what-validation-reports';

export const LANGUAGE_CHECKS: Readonly<Record<string, string>> = {
    'syntax-error': 'The text does not follow the grammar of the .arch language: a keyword, id, arrow or brace is missing or out of place.',
    'unknown-reference': 'An id is used that is not declared in the file or its imports. Declare it, fix the spelling, or import the file that declares it.',
    'duplicate-id': 'An id is declared twice in an architecture and its imports; the second is reported, the first counts.',
    'invalid-property': 'A property value does not fit its type (`replicas two`, `timeout 5`, `exposure open`).',
    'duplicate-property': 'A property is written twice in one body; the first value counts.',
    'property-fit': 'A property where it does not apply (`replicas` on a client), or a call policy on `~>` or `..>`.',
    'misplaced-declaration': 'A declaration where the language does not allow it: a `layer` outside a `monolith`, a `control-plane` outside a `mesh`, a sidecar outside its host, an `owner` outside a data store.',
    'multiple-owners': 'A data store names more than one `owner`.',
    'relation-ends': 'A relation between elements that it cannot join: `..>` to something that is not an observability element, a trigger in something other than a function, a call to a timer.',
    'self-relation': 'A relation from an element to itself.',
    'unknown-signal': '`..>` with a protocol other than `metrics`, `logs` or `traces`.',
    'import': 'An import of a file that does not exist or is not an .arch file.',
    'import-cycle': 'A file imports itself, or its imports lead back to it.',
    'duplicate-import': 'The same file is imported twice.',
    'internal-error': 'Archsight failed while checking this file; please report it with the file.',
};
