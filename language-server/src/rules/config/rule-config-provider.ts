import { statSync } from 'node:fs';
import * as path from 'node:path';
import type { ConfigurationProvider, FileSystemProvider, LangiumDocuments } from 'langium';
import { URI, UriUtils } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { RuleRegistry } from '../rule-registry.js';
import { CONFIG_FILE_NAME, MAX_CONFIG_BYTES, parseConfigText, parseRulesSetting, type ParsedConfig } from './parse-config.js';
import { resolveRules, type RuleConfig, type RulesSettings } from './rule-settings.js';

/** How the CLI configures a run: one config file for every document (or none), and `--rule` flags. */
export interface CommandLineConfig {
    /** `--config path`; when absent, each document finds its own by walking up. */
    readonly configFile?: URI;
    readonly overrides: RulesSettings;
    /**
     * The configuration files of a git revision (absolute path as in a checkout at `root` →
     * text): below `root` only these exist, so that a revision is checked with its own
     * thresholds and severities, not the working tree's.
     */
    readonly revision?: { readonly root: string; readonly configs: ReadonlyMap<string, string> };
}

/**
 * The rule configuration of a document: the rule defaults, then the nearest
 * `archsight.config.json` above the document, then the `archsight.rules` editor setting
 * (in the editor) or the `--rule` flags (in the CLI). Later layers win.
 */
export class RuleConfigProvider {
    private readonly fileSystem: FileSystemProvider;
    private readonly settings: ConfigurationProvider;
    private readonly documents: LangiumDocuments;
    private readonly parsedFiles = new Map<string, ParsedConfig>();
    private readonly lookups = new Map<string, URI | undefined>();
    private commandLine: CommandLineConfig | undefined;

    constructor(shared: LangiumSharedServices, private readonly registry: RuleRegistry) {
        this.fileSystem = shared.workspace.FileSystemProvider;
        this.settings = shared.workspace.ConfigurationProvider;
        this.documents = shared.workspace.LangiumDocuments;
        if (shared.lsp.Connection) this.watch(shared);
    }

    /** Used by the CLI instead of the editor settings. */
    useCommandLine(config: CommandLineConfig): void {
        this.commandLine = config;
        this.clearCaches();
    }

    async configFor(documentUri: URI | string): Promise<RuleConfig> {
        const uri = typeof documentUri === 'string' ? URI.parse(documentUri) : documentUri;
        const configUri = this.commandLine?.configFile ?? this.findConfigFile(uri);
        const file = configUri ? this.load(configUri) : undefined;
        const editor = this.commandLine ? undefined : parseRulesSetting(await this.settings.getConfiguration('arch', 'rules'), this.registry);
        const layers = [file?.settings, editor?.settings, this.commandLine?.overrides].filter((l): l is RulesSettings => l !== undefined);
        return {
            rules: resolveRules(this.registry, layers),
            configFile: configUri?.toString(),
            problems: [...file?.problems ?? [], ...editor?.problems ?? []],
        };
    }

    /** The nearest `archsight.config.json` in the document's folder or above it, as tsconfig and eslint look. */
    findConfigFile(documentUri: URI): URI | undefined {
        if (documentUri.scheme !== 'file') return undefined;
        const visited: string[] = [];
        let dir = UriUtils.dirname(documentUri);
        let found: URI | undefined;
        for (;;) {
            const key = dir.toString();
            if (this.lookups.has(key)) {
                found = this.lookups.get(key);
                break;
            }
            visited.push(key);
            const candidate = UriUtils.joinPath(dir, CONFIG_FILE_NAME);
            if (this.exists(candidate)) {
                found = candidate;
                break;
            }
            const parent = UriUtils.dirname(dir);
            if (parent.path === dir.path) break;
            dir = parent;
        }
        for (const key of visited) this.lookups.set(key, found);
        return found;
    }

    /** Forgets what was read from disk; the next check reads the config files again. */
    clearCaches(): void {
        this.parsedFiles.clear();
        this.lookups.clear();
    }

    private exists(uri: URI): boolean {
        const revision = this.revisionText(uri);
        if (revision !== undefined) return revision !== null;
        try {
            return this.fileSystem.existsSync(uri) && this.fileSystem.statSync(uri).isFile;
        } catch {
            return false;
        }
    }

    private load(uri: URI): ParsedConfig {
        const key = uri.toString();
        let parsed = this.parsedFiles.get(key);
        const revision = this.revisionText(uri);
        if (!parsed && typeof revision === 'string') {
            parsed = parseConfigText(revision, this.registry, key);
            this.parsedFiles.set(key, parsed);
        }
        if (!parsed) {
            try {
                // Not a FIFO or a device (a read would block), nor a file too large to be a configuration.
                const size = this.fileSystem.statSync(uri).isFile ? statSize(uri) : Infinity;
                parsed = size === Infinity
                    ? { settings: {}, problems: [{ message: `${uri.fsPath}: not a regular file.`, uri: key }] }
                    : size !== undefined && size > MAX_CONFIG_BYTES
                        ? { settings: {}, problems: [{ message: `Too large for a configuration (${Math.ceil(size / 1024)} KB > ${MAX_CONFIG_BYTES / 1024} KB limit).`, uri: key }] }
                        : parseConfigText(this.fileSystem.readFileSync(uri), this.registry, key);
            } catch (error) {
                parsed = { settings: {}, problems: [{ message: `Cannot read ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`, uri: key }] };
            }
            this.parsedFiles.set(key, parsed);
        }
        return parsed;
    }

    /** A config file's text in the revision being read; null when the revision has none there; undefined off the revision. */
    private revisionText(uri: URI): string | null | undefined {
        const revision = this.commandLine?.revision;
        if (!revision || uri.scheme !== 'file') return undefined;
        const relative = path.relative(revision.root, uri.fsPath);
        if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
        return revision.configs.get(uri.fsPath) ?? null;
    }

    /** In the editor: a changed config file or `archsight.*` setting re-checks every document. */
    private watch(shared: LangiumSharedServices): void {
        const recheck = () => {
            this.clearCaches();
            const uris = this.documents.all.map(d => d.uri).toArray();
            void shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update(uris, [], token));
        };
        shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
            if (params.changes.some(c => c.uri.endsWith(`/${CONFIG_FILE_NAME}`))) recheck();
        });
        this.settings.onConfigurationSectionUpdate(update => {
            if (update.section === 'archsight') recheck();
        });
    }
}

/** The size of a file on disk; Langium's file system does not say. Undefined off disk (tests' memory file system). */
function statSize(uri: URI): number | undefined {
    if (uri.scheme !== 'file') return undefined;
    try {
        return statSync(uri.fsPath).size;
    } catch {
        return undefined;
    }
}
