import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import type { ArchServices } from '../arch-module.js';
import { parseRuleFlags } from '../rules/config/rule-flags.js';
import type { CommandLineConfig } from '../rules/config/rule-config-provider.js';
import type { ConfigProblem } from '../rules/config/rule-settings.js';
import { describeFsError, UsageError } from './files.js';

export interface RuleOptions {
    readonly config?: string;
    readonly rules?: readonly string[];
}

/**
 * Applies `--config` and `--rule` to the services before any file is checked, and makes
 * sure the configuration of every file is sound: an unknown rule, a bad severity or a
 * malformed config file is a usage error (exit code 2) with one line that points into it.
 */
export async function configureRules(services: ArchServices, options: RuleOptions, files: readonly string[], cwd: string, revision?: CommandLineConfig['revision']): Promise<void> {
    let overrides;
    try {
        overrides = parseRuleFlags(options.rules ?? [], services.rules.RuleRegistry);
    } catch (error) {
        throw new UsageError((error as Error).message);
    }
    let configFile: URI | undefined;
    if (options.config !== undefined) {
        const absolute = path.resolve(cwd, options.config);
        try {
            const stat = await fs.stat(absolute);
            if (stat.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
            if (!stat.isFile()) throw new UsageError(`'${options.config}' is not a regular file; --config takes an archsight.config.json.`);
        } catch (error) {
            if (error instanceof UsageError) throw error;
            throw new UsageError(describeFsError(options.config, error));
        }
        configFile = URI.file(absolute);
    }
    services.rules.ConfigProvider.useCommandLine({ configFile, overrides, revision: configFile ? undefined : revision });
    for (const file of files) {
        const { problems } = await services.rules.ConfigProvider.configFor(URI.file(file));
        if (problems.length > 0) throw new UsageError(describeProblem(problems[0], cwd));
    }
}

function describeProblem(problem: ConfigProblem, cwd: string): string {
    if (!problem.uri) return problem.message;
    const file = path.relative(cwd, URI.parse(problem.uri).fsPath) || URI.parse(problem.uri).fsPath;
    return `${file}${problem.line !== undefined ? `:${problem.line}:${problem.column}` : ''}: ${problem.message}`;
}
