import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';
import { ELEMENT_KINDS, type ElementKind, type GroupKind, type Tier } from '../model/kinds.js';

/**
 * The icon an editor shows beside an element or group in completion lists and in the
 * outline. LSP has no architecture icons, so each tier borrows the symbol whose picture
 * reads closest: events for messaging, structs (tables) for data, and so on.
 */

const TIER_COMPLETION: Readonly<Record<Tier, CompletionItemKind>> = {
    client: CompletionItemKind.Interface,
    edge: CompletionItemKind.Interface,
    compute: CompletionItemKind.Module,
    messaging: CompletionItemKind.Event,
    data: CompletionItemKind.Struct,
    platform: CompletionItemKind.Unit,
    observability: CompletionItemKind.Value,
};

const TIER_SYMBOL: Readonly<Record<Tier, SymbolKind>> = {
    client: SymbolKind.Interface,
    edge: SymbolKind.Interface,
    compute: SymbolKind.Module,
    messaging: SymbolKind.Event,
    data: SymbolKind.Struct,
    platform: SymbolKind.Object,
    observability: SymbolKind.Constant,
};

const GROUP_SYMBOL: Readonly<Record<GroupKind, SymbolKind>> = {
    system: SymbolKind.Namespace,
    boundary: SymbolKind.Namespace,
    monolith: SymbolKind.Package,
    layer: SymbolKind.Class,
    mesh: SymbolKind.Package,
    'control-plane': SymbolKind.Class,
    stack: SymbolKind.Package,
};

export function isElementKind(kind: string): kind is ElementKind {
    return Object.hasOwn(ELEMENT_KINDS, kind);
}

export function completionKindOf(kind: string): CompletionItemKind {
    if (kind === 'function') return CompletionItemKind.Function;
    return isElementKind(kind) ? TIER_COMPLETION[ELEMENT_KINDS[kind].tier] : CompletionItemKind.Folder;
}

export function symbolKindOf(kind: string): SymbolKind {
    if (kind === 'function') return SymbolKind.Function;
    if (isElementKind(kind)) return TIER_SYMBOL[ELEMENT_KINDS[kind].tier];
    return GROUP_SYMBOL[kind as GroupKind] ?? SymbolKind.Namespace;
}
