import type { IToken, TokenType, TokenTypeDictionary } from 'chevrotain';
import type { AstNode, CstNode, LangiumCoreServices, ParseResult, ParserOptions } from 'langium';
import { AstUtils, DatatypeSymbol, GrammarAST, GrammarUtils, isAstNode, LangiumParser } from 'langium';

/**
 * The parser's fast path: a small interpreter of the Langium grammar instead of Chevrotain,
 * which builds the tree with Langium's own pieces (its CST node builder, `assign`,
 * `action`, `construct`, value conversion and references), in the steps of Langium's
 * `consume` and `subrule` with what they look up per token done once per grammar element.
 * Chevrotain's parser takes 0.15 s to build (its lookahead functions for every decision of
 * the grammar) and parses through several layers of closures; this one needs nothing built
 * but the grammar's first and follow sets, which makes `archsight check` of 1,000 elements
 * about a seventh faster, and a fresh server's first parse.
 *
 * It only parses text without errors, and decides as Chevrotain with chevrotain-allstar
 * (Langium's lookahead) decides, so that the trees are the same (see `Driver`). A token that
 * no choice accepts (a syntax error), a lexer error, a prediction that reads more than
 * `MAX_LOOKAHEAD` tokens or anything unexpected makes `tryParse` give up and return
 * `undefined`: the caller then parses the text with Chevrotain, which recovers from errors
 * and reports them. `test/grammar/fast-parser.test.ts` compares the trees of both on every
 * sample, evaluated system and generated model, and on edited and random text.
 *
 * Grammars it does not handle (unordered groups, guards and parameters, infix rules, token
 * categories, an optional part or repetition that can match nothing) leave it switched off:
 * `tryParse` always gives up.
 */
export class FastParser extends LangiumParser {
    private readonly driver = new Driver();
    private readonly tokenTypes: TokenTypeDictionary;
    private readonly usable: boolean;
    private readonly langium: LangiumInternals;

    constructor(services: LangiumCoreServices) {
        // The base class makes a Chevrotain parser, which this one never uses: made on no
        // tokens, it costs nothing (on the language's tokens, a twentieth of a small check).
        super(withoutTokens(services));
        (this as unknown as { lexer: LangiumCoreServices['parser']['Lexer'] }).lexer = services.parser.Lexer;
        (this as unknown as { wrapper: Driver }).wrapper = this.driver;
        this.driver.parser = this;
        this.tokenTypes = services.parser.Lexer.definition as TokenTypeDictionary;
        this.usable = this.build(services.Grammar);
        this.langium = this as unknown as LangiumInternals;
        buildAsItGoes(this.langium, services);
    }

    /** The tree of `input`, or undefined where the text has an error or this parser is unsure. */
    tryParse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> | undefined {
        if (!this.usable) return undefined;
        const langium = this.langium;
        try {
            // Langium's own `parse` but for its last step, a walk over the whole tree that sets
            // each node's container: `assign` has done that as the tree was built.
            langium.nodeBuilder.buildRootNode(input);
            const lexed = this.lexer.tokenize(input);
            if (lexed.errors.length > 0 || (lexed.report?.diagnostics.length ?? 0) > 0) return undefined;
            langium.lexerResult = lexed;
            this.driver.input = lexed.tokens;
            const rule = options?.rule ? langium.allRules.get(options.rule) : langium.mainRule;
            if (!rule) throw new Error(options?.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
            const value = langium.doParse(rule) as T;
            langium.nodeBuilder.addHiddenNodes(lexed.hidden);
            return { value, lexerErrors: [], lexerReport: lexed.report, parserErrors: [] };
        } catch (error) {
            // A refusal, or a stack overflow in a deeply nested text: the full parser decides.
            langium.stack = [];
            if (error instanceof Refused || error instanceof RangeError) return undefined;
            throw error;
        } finally {
            langium.lexerResult = undefined;
        }
    }

    /** Compiles the grammar's parser rules and registers them; false where the grammar has what this parser does not handle. */
    private build(grammar: GrammarAST.Grammar): boolean {
        if (Object.values(this.tokenTypes).some(type => (type.CATEGORIES?.length ?? 0) > 0)) return false;
        const reachable = GrammarUtils.getAllReachableRules(grammar, false);
        const rules = grammar.rules.filter(rule => reachable.has(rule));
        if (rules.some(rule => GrammarAST.isInfixRule(rule))) return false;
        const parserRules = rules.filter(GrammarAST.isParserRule);
        const compiled = new Map<GrammarAST.ParserRule, CompiledRule>();
        for (const rule of parserRules) {
            if (rule.parameters.length > 0) return false;
            compiled.set(rule, { rule, body: undefined as unknown as Node, method: undefined, first: new Set(), nullable: false });
        }
        try {
            for (const entry of compiled.values()) entry.body = this.compile(entry.rule.definition, compiled);
        } catch (error) {
            if (error instanceof Refused) return false;
            throw error;
        }
        computeFirstSets([...compiled.values()]);
        // Chevrotain decides those on paths this parser does not follow.
        if ([...compiled.values()].some(entry => hasOptionalThatMatchesNothing(entry.body))) return false;
        const driver = this.driver;
        driver.setFollowSets(computeFollowSets([...compiled.values()]));
        for (const entry of compiled.values()) {
            entry.method = this.rule(entry.rule, () => driver.runRule(entry));
        }
        return true;
    }

    private compile(element: GrammarAST.AbstractElement, rules: Map<GrammarAST.ParserRule, CompiledRule>): Node {
        const card = element.cardinality ?? '';
        const token = (type: TokenType | undefined, at: GrammarAST.AbstractElement): Node => {
            if (!type) throw new Refused();
            return { kind: 'token', card, type, feature: at, first: new Set(), nullable: false };
        };
        if (GrammarAST.isKeyword(element)) return token(this.tokenTypes[element.value], element);
        if (GrammarAST.isAction(element)) return { kind: 'action', card, action: element, type: GrammarUtils.getTypeName(element), first: new Set(), nullable: true };
        if (GrammarAST.isAssignment(element)) return withCard(this.compile(element.terminal, rules), card);
        if (GrammarAST.isCrossReference(element)) {
            const terminal = element.terminal ?? GrammarUtils.findNameAssignment(element.type.ref!)?.terminal;
            if (GrammarAST.isRuleCall(terminal) && GrammarAST.isParserRule(terminal.rule.ref)) return this.call(rules, terminal.rule.ref, element, card);
            if (GrammarAST.isRuleCall(terminal) && GrammarAST.isTerminalRule(terminal.rule.ref)) return token(this.tokenTypes[terminal.rule.ref.name], element);
            if (GrammarAST.isKeyword(terminal)) return token(this.tokenTypes[terminal.value], element);
            throw new Refused();
        }
        if (GrammarAST.isRuleCall(element)) {
            const rule = element.rule.ref;
            if (element.arguments.length > 0) throw new Refused();
            if (GrammarAST.isParserRule(rule)) return this.call(rules, rule, element, card);
            if (GrammarAST.isTerminalRule(rule)) return token(this.tokenTypes[rule.name], element);
            throw new Refused();
        }
        if (GrammarAST.isAlternatives(element)) {
            const items = element.elements.map(e => this.compile(e, rules));
            return items.length === 1 ? withCard(items[0], card) : { kind: 'choice', card, items, first: new Set(), nullable: false };
        }
        if (GrammarAST.isGroup(element) && !GrammarAST.isUnorderedGroup(element) && !element.guardCondition) {
            return { kind: 'sequence', card, items: element.elements.map(e => this.compile(e, rules)), first: new Set(), nullable: false };
        }
        throw new Refused();
    }

    private call(rules: Map<GrammarAST.ParserRule, CompiledRule>, rule: GrammarAST.ParserRule, feature: GrammarAST.AbstractElement, card: Cardinality): Node {
        const target = rules.get(rule);
        if (!target) throw new Refused();
        return { kind: 'call', card, rule: target, feature, first: new Set(), nullable: false };
    }

    /**
     * Langium's `consume` of `token` for `node`, with what it looks up for each token (the
     * assignment, whether the element is a keyword) looked up once per grammar element.
     */
    consumeToken(node: TokenNode, token: IToken): void {
        const langium = this.langium;
        const hidden = langium.lexerResult!.hidden;
        if (hidden.length > 0 && hidden[0].startOffset < token.startOffset) langium.nodeBuilder.addHiddenNodes(langium.extractHiddenTokens(token));
        const leaf = langium.nodeBuilder.buildLeafNode(token, node.feature);
        const target = node.target ??= targetOf(langium, node.feature);
        if (target.assignment) {
            const value = target.keyword ? token.image : langium.converter.convert(token.image, leaf);
            langium.assign(target.assignment.operator, target.assignment.feature, value, leaf, target.crossRef);
        } else {
            const current = langium.current as { $type: unknown; value: string };
            if (current.$type === DatatypeSymbol) current.value += target.keyword ? token.image : String(langium.converter.convert(token.image, leaf));
        }
    }

    /**
     * Langium's `subrule`: the rule's CST node (unless it is a fragment), the rule, and the
     * assignment of its node where it read a token.
     */
    callRule(node: CallNode, readFrom: number): void {
        const langium = this.langium;
        const fragment = node.rule.rule.fragment;
        const cstNode = fragment ? undefined : langium.nodeBuilder.buildCompositeNode(node.feature);
        let result = node.rule.method!(NO_ARGUMENTS);
        if (result === undefined && !fragment) result = langium.construct();
        if (result !== undefined && cstNode && this.driver.position > readFrom) langium.performSubruleAssignment(result, node.feature, cstNode);
    }
}

const NO_ARGUMENTS = Object.freeze({});

/** What a token of a grammar element sets: the assignment it is in, if any, and how. */
interface TokenTarget {
    assignment: GrammarAST.Assignment | undefined;
    crossRef: 'single' | 'multi' | undefined;
    keyword: boolean;
}

function targetOf(langium: LangiumInternals, feature: GrammarAST.AbstractElement): TokenTarget {
    const { assignment, crossRef } = langium.getAssignment(feature);
    return { assignment, crossRef, keyword: GrammarAST.isKeyword(feature) };
}

type Cardinality = '' | '?' | '*' | '+';

/** The parts of Langium's parser (private in its types) that the fast path uses. */
interface LangiumInternals {
    stack: Array<Record<string, unknown>>;
    lexerResult: { hidden: IToken[] } | undefined;
    allRules: Map<string, unknown>;
    mainRule: unknown;
    nodeBuilder: {
        buildRootNode(input: string): void;
        addHiddenNodes(tokens: IToken[]): void;
        buildLeafNode(token: IToken, feature: GrammarAST.AbstractElement): CstNode;
        buildCompositeNode(feature: GrammarAST.AbstractElement): CstNode;
        construct(node: object): void;
    };
    converter: { convert(input: string, cstNode: CstNode): unknown };
    current: Record<string, unknown>;
    doParse(rule: unknown): AstNode;
    extractHiddenTokens(token: IToken): IToken[];
    getAssignment(feature: GrammarAST.AbstractElement): { assignment?: GrammarAST.Assignment; crossRef?: 'single' | 'multi' };
    assign(operator: string, feature: string, value: unknown, cstNode: CstNode, crossRef?: unknown): void;
    assignWithoutOverride(target: AstNode, source: AstNode): AstNode;
    performSubruleAssignment(result: unknown, feature: GrammarAST.AbstractElement, cstNode: CstNode): void;
    construct(): unknown;
}

/**
 * The fast path's changes to Langium's tree building (on this parser only; Chevrotain's
 * parser is another instance):
 * - each node is linked to its container (`$container`, `$containerProperty` and, in a
 *   list, `$containerIndex`) as it is assigned, as Langium's walk after the parse would;
 * - a node's default values (empty lists, `false`) come from a list made once per type
 *   instead of a look at each of its type's properties.
 * Infix rules, which Langium's `construct` also handles, switch the fast path off.
 */
function buildAsItGoes(parser: LangiumInternals, services: LangiumCoreServices): void {
    const assign = parser.assign;
    parser.assign = function (operator, feature, value, cstNode, crossRef) {
        const container = this.current;
        assign.call(this, operator, feature, value, cstNode, crossRef);
        if (operator === '?=' || !isAstNode(value)) return;
        const node = value as { $container?: unknown; $containerProperty?: string; $containerIndex?: number };
        node.$container = container;
        node.$containerProperty = feature;
        if (operator === '+=') node.$containerIndex = (container[feature] as unknown[]).length - 1;
    };
    const assignWithoutOverride = parser.assignWithoutOverride;
    // The node of an unassigned rule call takes over what the caller's node had so far, if anything.
    parser.assignWithoutOverride = function (target, source) {
        let moves = false;
        for (const key in source) {
            if (!key.startsWith('$')) {
                moves = true;
                break;
            }
        }
        const merged = assignWithoutOverride.call(this, target, source);
        if (moves) AstUtils.linkContentToContainer(merged);
        return merged;
    };
    const reflection = services.shared.AstReflection;
    const defaults = new Map<string, Array<[string, unknown]>>();
    parser.construct = function () {
        const node = this.stack.pop()!;
        this.nodeBuilder.construct(node);
        if (node.$type === DatatypeSymbol) return this.converter.convert(node.value as string, node.$cstNode as CstNode);
        const type = node.$type as string;
        let values = defaults.get(type);
        if (!values) {
            values = Object.values(reflection.getTypeMetaData(type).properties).flatMap(p => p.defaultValue === undefined ? [] : [[p.name, p.defaultValue] as [string, unknown]]);
            defaults.set(type, values);
        }
        for (const [name, value] of values) if (node[name] === undefined) node[name] = copyDefault(value);
        return node;
    };
}

/** The services as they are, but for a lexer with no tokens: for the unused parser Langium's base class makes. */
function withoutTokens(services: LangiumCoreServices): LangiumCoreServices {
    const parser = Object.create(services.parser, { Lexer: { value: { definition: {} } } }) as LangiumCoreServices['parser'];
    return Object.create(services, { parser: { value: parser } }) as LangiumCoreServices;
}

/** A fresh copy of a default value, as Langium's `assignMandatoryProperties` makes. */
function copyDefault(value: unknown): unknown {
    return Array.isArray(value) ? value.map(copyDefault) : value;
}

interface CompiledRule {
    rule: GrammarAST.ParserRule;
    body: Node;
    method: ReturnType<LangiumParser['rule']> | undefined;
    first: Set<number>;
    nullable: boolean;
}

interface NodeBase {
    card: Cardinality;
    /** The token types it can start with (by `tokenTypeIdx`); `nullable`: it can match nothing. */
    first: Set<number>;
    nullable: boolean;
}
interface TokenNode extends NodeBase { kind: 'token'; type: TokenType; feature: GrammarAST.AbstractElement; target?: TokenTarget }
interface ActionNode extends NodeBase { kind: 'action'; action: GrammarAST.Action; type: string }
interface CallNode extends NodeBase { kind: 'call'; rule: CompiledRule; feature: GrammarAST.AbstractElement }
interface ChoiceNode extends NodeBase { kind: 'choice'; items: Node[] }
interface SequenceNode extends NodeBase { kind: 'sequence'; items: Node[] }
type Node = TokenNode | ActionNode | CallNode | ChoiceNode | SequenceNode;

function withCard(node: Node, card: Cardinality): Node {
    if (card === '') return node;
    if (node.card === '') return { ...node, card };
    // `(x?)*` and the like: a sequence of one keeps both.
    return { kind: 'sequence', card, items: [node], first: new Set(), nullable: false };
}

/** First sets and nullability of every node, to a fixed point (rules call each other). */
function computeFirstSets(rules: CompiledRule[]): void {
    let changed = true;
    const visit = (node: Node): void => {
        let first: Set<number>;
        let nullable: boolean;
        switch (node.kind) {
            case 'token':
                first = new Set([node.type.tokenTypeIdx!]);
                nullable = false;
                break;
            case 'action':
                first = new Set();
                nullable = true;
                break;
            case 'call':
                first = node.rule.first;
                nullable = node.rule.nullable;
                break;
            case 'choice':
                node.items.forEach(visit);
                first = new Set(node.items.flatMap(item => [...item.first]));
                nullable = node.items.some(skippable);
                break;
            case 'sequence': {
                node.items.forEach(visit);
                first = new Set();
                nullable = true;
                for (const item of node.items) {
                    for (const t of item.first) first.add(t);
                    if (!skippable(item)) {
                        nullable = false;
                        break;
                    }
                }
                break;
            }
        }
        if (first.size !== node.first.size || nullable !== node.nullable) changed = true;
        node.first = first;
        node.nullable = nullable;
    };
    while (changed) {
        changed = false;
        for (const rule of rules) {
            visit(rule.body);
            const nullable = skippable(rule.body);
            if (rule.body.first.size !== rule.first.size || nullable !== rule.nullable) changed = true;
            rule.first = new Set(rule.body.first);
            rule.nullable = nullable;
        }
    }
}

/**
 * What follows the element being parsed, up to the end of its rule: the rest of a sequence
 * (`items` from `next` on), any number of further repetitions of `repeat`, then `up`;
 * `null` is the end of the rule. The parser's own sequence frames move `next` on as they
 * go; the lookahead makes its own.
 */
type Rest = null | { items: readonly Node[]; next: number; up: Rest; repeat?: undefined } | { repeat: Node; up: Rest };

/** Raised where the fast path gives up; `tryParse` returns undefined then. */
class Refused extends Error {
    constructor() {
        super('the fast parser cannot decide here');
    }
}

/** Lookahead of up to this many tokens; beyond it, a decision goes to Chevrotain. */
const MAX_LOOKAHEAD = 8;
/** Configurations one lookahead may visit before it gives up. */
const MAX_CONFIGS = 20_000;
const EOF_INDEX = -1;
/** The end of the rule a decision is in. */
const STOP = null;

/** A lookahead's position in one option: the token it expects next and what follows it; without `at`, the end of the rule. */
interface Config {
    alt: number;
    at?: TokenNode;
    rest: Rest;
}

/** Predictions made, by the token types read: the option taken, or the predictions after one more token. */
type Prediction = Map<number, number | Prediction>;

/**
 * Decides as Chevrotain (with chevrotain-allstar, Langium's lookahead) decides, so that the
 * trees are the same:
 * - where the options' first tokens are disjoint — for an optional part or a repetition, its
 *   first tokens and everything that can follow it anywhere in the grammar — the next token
 *   decides (Chevrotain's LL(1) decisions);
 * - elsewhere, as allstar's SLL prediction does: every option is followed token by token to
 *   the end of the rule the decision is in, and no further; an option that reached the end
 *   stays in the running only while no other option reaches it as well; the option left
 *   alone wins; where only options at the end of the rule are left, or allstar's conflict
 *   test holds (options met at the same place with the same calls to return to, and no
 *   place with a single option), the first of those still running.
 */
class Driver {
    readonly IS_RECORDING = false;
    readonly RULE_STACK: number[] = [];
    readonly definitionErrors = [];
    private tokens: IToken[] = [];
    private pos = 0;
    private configs = 0;
    parser!: FastParser;
    /** The rule being parsed, for the follow sets of its decisions. */
    private currentRule: CompiledRule | undefined;
    private follow = new Map<CompiledRule, Set<number>>();
    private ll1Optional = new Map<Node, boolean>();
    private ll1Choice = new Map<Node, Map<number, number> | undefined>();
    private readonly enterPredictions = new Map<Node, Prediction>();
    private readonly choicePredictions = new Map<Node, Prediction>();
    /** Numbers for the grammar's nodes and sequences, for `placeKey`. */
    private readonly ids = new Map<object, number>();

    /** What `parse` reports as syntax errors: none, as a text with errors is refused. */
    get errors(): never[] {
        return [];
    }

    /** The index of the next token to read. */
    get position(): number {
        return this.pos;
    }

    set input(tokens: IToken[]) {
        this.tokens = tokens;
        this.pos = 0;
    }

    setFollowSets(follow: Map<CompiledRule, Set<number>>): void {
        this.follow = follow;
    }

    DEFINE_RULE<T>(_name: string, impl: T): T {
        return impl;
    }

    /** The entry rule: the whole text must be read. */
    rule<T>(method: (args: object) => T): T {
        const result = method({});
        if (this.pos !== this.tokens.length) throw new Refused();
        return result;
    }

    wrapSelfAnalysis(): void {
        // Nothing to prepare.
    }

    /** Parses the body of `rule`. */
    runRule(rule: CompiledRule): void {
        const outer = this.currentRule;
        this.currentRule = rule;
        this.run(rule.body, STOP);
        this.currentRule = outer;
    }

    /** Parses `node` (with its cardinality) followed by `rest`. */
    private run(node: Node, rest: Rest): void {
        switch (node.card) {
            case '':
                this.body(node, rest);
                return;
            case '?':
                if (this.enters(node, rest, rest)) this.body(node, rest);
                return;
            case '*':
            case '+': {
                const again: Rest = { repeat: node, up: rest };
                if (node.card === '+' && !this.enters(node, again, rest)) throw new Refused();
                if (node.card === '+') this.body(node, again);
                while (this.enters(node, again, rest)) this.body(node, again);
            }
        }
    }

    private body(node: Node, rest: Rest): void {
        switch (node.kind) {
            case 'token': {
                const token = this.tokens[this.pos];
                if (token === undefined || token.tokenTypeIdx !== node.type.tokenTypeIdx) throw new Refused();
                this.pos++;
                this.parser.consumeToken(node, token);
                return;
            }
            case 'action':
                this.parser.action(node.type, node.action);
                return;
            case 'call':
                this.parser.callRule(node, this.pos);
                return;
            case 'choice': {
                const chosen = this.choose(node, rest);
                this.run(node.items[chosen], rest);
                return;
            }
            case 'sequence': {
                const frame = { items: node.items, next: 0, up: rest };
                for (let i = 0; i < node.items.length; i++) {
                    frame.next = i + 1;
                    this.run(node.items[i], frame);
                }
            }
        }
    }

    /** Whether to parse (once more) the optional or repeated `node`; `inside` follows its body, `exit` follows it. */
    private enters(node: Node, inside: Rest, exit: Rest): boolean {
        const next = this.tokenTypeAt(this.pos);
        let ll1 = this.ll1Optional.get(node);
        if (ll1 === undefined) this.ll1Optional.set(node, ll1 = this.decidedByNextToken(node, exit));
        if (ll1) return node.first.has(next);
        const known = this.predicted(this.enterPredictions, node);
        return (known ?? this.remember(this.enterPredictions, node, [this.expand(0, inside, node, true), this.expand(1, exit)])) === 0;
    }

    private choose(node: ChoiceNode, rest: Rest): number {
        let map = this.ll1Choice.get(node);
        if (map === undefined && !this.ll1Choice.has(node)) this.ll1Choice.set(node, map = choiceByFirstToken(node));
        if (map) {
            const chosen = map.get(this.tokenTypeAt(this.pos));
            if (chosen === undefined) throw new Refused();
            return chosen;
        }
        return this.predicted(this.choicePredictions, node) ?? this.remember(this.choicePredictions, node, this.expandChoices(node, rest));
    }

    // The helpers below hold the callbacks: a callback that uses a variable of `enters` or
    // `choose` would make each of their calls allocate a context for it, cached answer or not.

    /** Whether the next token alone decides whether to enter `node`: none of its first tokens can follow it. */
    private decidedByNextToken(node: Node, exit: Rest): boolean {
        const following = this.firstOfRest(exit);
        return ![...node.first].some(t => following.has(t));
    }

    private expandChoices(node: ChoiceNode, rest: Rest): Config[][] {
        return node.items.map((item, i) => this.expand(i, rest, item));
    }

    /**
     * A prediction depends only on the decision and the tokens it reads (nothing outside the
     * rule), so each is made once: like allstar's DFA, the tokens read lead to the option.
     * `predicted` finds one made before, `remember` makes it from the options' configurations.
     */
    private predicted(cache: Map<Node, Prediction>, node: Node): number | undefined {
        let level = cache.get(node);
        for (let i = 0; level !== undefined; i++) {
            const step: number | Prediction | undefined = level.get(this.tokenTypeAt(this.pos + i));
            if (typeof step === 'number') return step;
            level = step;
        }
        return undefined;
    }

    private remember(cache: Map<Node, Prediction>, node: Node, start: Config[][]): number {
        const { alt, read } = this.predict(start);
        let at: Prediction | undefined = cache.get(node);
        if (!at) cache.set(node, at = new Map());
        for (let i = 0; i < read - 1; i++) {
            const type = this.tokenTypeAt(this.pos + i);
            let next: number | Prediction | undefined = at.get(type);
            if (typeof next !== 'object') at.set(type, next = new Map());
            at = next;
        }
        at.set(this.tokenTypeAt(this.pos + read - 1), alt);
        return alt;
    }

    /**
     * allstar's SLL prediction over `start` (the configurations of each option): the option
     * that is left alone as the tokens are read.
     */
    private predict(start: Config[][]): { alt: number; read: number } {
        this.configs = 0;
        let configs = start.flat();
        for (let i = 0; i < MAX_LOOKAHEAD; i++) {
            const next = this.tokenTypeAt(this.pos + i);
            const stopped: Config[] = [];
            const reach: Config[] = [];
            for (const config of configs) {
                if (!config.at) stopped.push(config);
                else if (config.at.type.tokenTypeIdx === next) reach.push(...this.expand(config.alt, config.rest));
            }
            if (stopped.length > 0 && !reach.some(c => !c.at)) reach.push(...stopped);
            if (reach.length === 0) throw new Refused();
            const alts = new Set(reach.map(c => c.alt));
            if (alts.size === 1) return { alt: reach[0].alt, read: i + 1 };
            if (reach.every(c => !c.at) || this.conflicts(reach)) return { alt: Math.min(...alts), read: i + 1 };
            configs = reach;
        }
        throw new Refused();
    }

    /**
     * allstar's (and ANTLR's) conflict: options met at the same place with the same calls
     * to return to, and no place where a single option is.
     */
    private conflicts(configs: Config[]): boolean {
        const altsAt = new Map<string, Set<number>>();
        for (const config of configs) {
            const key = config.at ? `${this.idOf(config.at)}@${this.placeKey(config.rest)}` : 'stop';
            const alts = altsAt.get(key) ?? new Set<number>();
            alts.add(config.alt);
            altsAt.set(key, alts);
        }
        const sizes = [...altsAt.values()].map(alts => alts.size);
        return sizes.some(size => size > 1) && !sizes.includes(1);
    }

    /** Where a configuration is in the grammar, with the calls it returns to: equal for equal places. */
    private placeKey(rest: Rest): string {
        const parts: string[] = [];
        for (let r = rest; r !== STOP; r = r.up) parts.push(r.repeat !== undefined ? `r${this.idOf(r.repeat)}` : `${this.idOf(r.items)}:${r.next}`);
        return parts.join('/');
    }

    private idOf(object: object): number {
        let id = this.ids.get(object);
        if (id === undefined) {
            id = this.ids.size + 1;
            this.ids.set(object, id);
        }
        return id;
    }

    /** The configurations reached from `rest` (after `node`'s body, when given) without reading a token. */
    private expand(alt: number, rest: Rest, node?: Node, bodyOnly = false): Config[] {
        const out: Config[] = [];
        if (node) {
            if (bodyOnly) this.expandBody(alt, node, rest, out);
            else this.expandNode(alt, node, rest, out);
        } else {
            this.expandRest(alt, rest, out);
        }
        return out;
    }

    private expandRest(alt: number, rest: Rest, out: Config[]): void {
        if (++this.configs > MAX_CONFIGS) throw new Refused();
        if (rest === STOP) out.push({ alt, rest });
        else if (rest.repeat !== undefined) {
            this.expandBody(alt, rest.repeat, rest, out);
            this.expandRest(alt, rest.up, out);
        } else if (rest.next >= rest.items.length) this.expandRest(alt, rest.up, out);
        else this.expandNode(alt, rest.items[rest.next], { items: rest.items, next: rest.next + 1, up: rest.up }, out);
    }

    private expandNode(alt: number, node: Node, rest: Rest, out: Config[]): void {
        switch (node.card) {
            case '':
                this.expandBody(alt, node, rest, out);
                return;
            case '?':
                this.expandBody(alt, node, rest, out);
                this.expandRest(alt, rest, out);
                return;
            case '*':
                this.expandBody(alt, node, { repeat: node, up: rest }, out);
                this.expandRest(alt, rest, out);
                return;
            case '+':
                this.expandBody(alt, node, { repeat: node, up: rest }, out);
        }
    }

    private expandBody(alt: number, node: Node, rest: Rest, out: Config[]): void {
        if (++this.configs > MAX_CONFIGS) throw new Refused();
        switch (node.kind) {
            case 'token':
                out.push({ alt, at: node, rest });
                return;
            case 'action':
                this.expandRest(alt, rest, out);
                return;
            case 'call':
                // The lookahead's own calls return into `rest`: only the decision's rule ends at STOP.
                this.expandNode(alt, node.rule.body, rest, out);
                return;
            case 'choice':
                for (const item of node.items) this.expandNode(alt, item, rest, out);
                return;
            case 'sequence':
                if (node.items.length === 0) this.expandRest(alt, rest, out);
                else this.expandNode(alt, node.items[0], { items: node.items, next: 1, up: rest }, out);
        }
    }

    /** The token types that can come after `rest` ends: in the rule, then (at its end) anywhere the rule is called. */
    private firstOfRest(rest: Rest): Set<number> {
        const out = new Set<number>();
        for (let r = rest; ; ) {
            if (r === STOP) {
                for (const t of this.follow.get(this.currentRule!) ?? []) out.add(t);
                return out;
            }
            if (r.repeat !== undefined) {
                for (const t of r.repeat.first) out.add(t);
                r = r.up;
                continue;
            }
            let i = r.next;
            for (; i < r.items.length; i++) {
                for (const t of r.items[i].first) out.add(t);
                if (!skippable(r.items[i])) return out;
            }
            r = r.up;
        }
    }

    private tokenTypeAt(pos: number): number {
        return pos < this.tokens.length ? this.tokens[pos].tokenTypeIdx : EOF_INDEX;
    }
}

/** The choice each first token makes, where the choices' first tokens are disjoint and none can match nothing; undefined elsewhere. */
function choiceByFirstToken(node: ChoiceNode): Map<number, number> | undefined {
    const map = new Map<number, number>();
    for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i];
        if (skippable(item)) return undefined;
        for (const t of item.first) {
            if (map.has(t)) return undefined;
            map.set(t, i);
        }
    }
    return map;
}

/** Whether `node` has an optional part or a repetition whose body can match no token. */
function hasOptionalThatMatchesNothing(node: Node): boolean {
    if (node.card !== '' && node.nullable) return true;
    return (node.kind === 'choice' || node.kind === 'sequence') && node.items.some(hasOptionalThatMatchesNothing);
}

/** Whether `node` can match no token (its body can, or its cardinality allows none). */
function skippable(node: Node): boolean {
    return node.nullable || node.card === '?' || node.card === '*';
}

/** FOLLOW sets of the rules: the token types that can come after a call, anywhere in the grammar. */
function computeFollowSets(rules: CompiledRule[]): Map<CompiledRule, Set<number>> {
    const follow = new Map<CompiledRule, Set<number>>(rules.map(rule => [rule, new Set<number>()]));
    let changed = true;
    const add = (target: Set<number>, from: Iterable<number>) => {
        for (const t of from) {
            if (!target.has(t)) {
                target.add(t);
                changed = true;
            }
        }
    };
    const walk = (rule: CompiledRule, node: Node, after: Set<number>, atEnd: boolean): void => {
        let first = after;
        if (node.card === '*' || node.card === '+') first = new Set([...node.first, ...after]);
        switch (node.kind) {
            case 'call': {
                const target = follow.get(node.rule)!;
                add(target, first);
                if (atEnd) add(target, follow.get(rule)!);
                return;
            }
            case 'choice':
                for (const item of node.items) walk(rule, item, first, atEnd);
                return;
            case 'sequence': {
                let current = first;
                let end = atEnd;
                for (let i = node.items.length - 1; i >= 0; i--) {
                    const item = node.items[i];
                    walk(rule, item, current, end);
                    current = skippable(item) ? new Set([...item.first, ...current]) : new Set(item.first);
                    end = end && skippable(item);
                }
            }
        }
    };
    while (changed) {
        changed = false;
        for (const rule of rules) walk(rule, rule.body, new Set(), true);
    }
    return follow;
}
