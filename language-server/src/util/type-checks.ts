import { AbstractAstReflection } from 'langium';

/**
 * Langium's `isSubtype` answers from a cache, but it defines a callback for the cache miss
 * that uses its arguments, so every call allocates a context for them before looking at the
 * cache. Every type guard (`isGroup(node)`, `GrammarAST.isKeyword(element)`) calls it: about
 * 23 MB of garbage in `check` of 5,000 elements, before V8 optimises the guards. The cache
 * is looked up first here; a miss goes to Langium's own method, which fills it. Applied to
 * every reflection, as the generated guards use module-level instances of their own.
 */
const langiumIsSubtype = AbstractAstReflection.prototype.isSubtype;

AbstractAstReflection.prototype.isSubtype = function isSubtype(this: AbstractAstReflection, subtype: string, supertype: string): boolean {
    if (subtype === supertype) return true;
    const known = (this as unknown as { subtypes: Record<string, Record<string, boolean | undefined> | undefined> }).subtypes[subtype]?.[supertype];
    return known ?? langiumIsSubtype.call(this, subtype, supertype);
};
