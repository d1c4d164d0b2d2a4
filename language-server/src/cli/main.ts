import { runCheck } from './check.js';
import { runDrift } from './drift.js';
import { runImport } from './import.js';
import { runInit } from './init-command.js';
import { runRender } from './render.js';
import { runRules } from './rules-command.js';
import { describeArgumentError } from './argument-errors.js';
import { runDiff } from './diff.js';
import { UsageError } from './files.js';
import { processOutput, type Output } from './output.js';
import { ownValue } from '../util/own-keys.js';
import { terminalLine } from './terminal-text.js';
import { isLayoutTimeout } from '../diagram/layout-budget.js';

declare const ARCHSIGHT_VERSION: string;

const HELP = `Usage: archsight <command> [options]

Commands:
  check <files|folders|globs...>   Check .arch files and report problems
  render <file.arch> [-o out.svg]  Draw an architecture (SVG, PNG) or export it (Mermaid,
                                   draw.io, JSON)
  diff <old> [<new>]               Compare two architectures (files, folders, git revisions)
  import <sources...> [-o x.arch]  Draft an architecture from compose files, Kubernetes/Istio
                                   manifests and traces
  drift <x.arch> --against <src>   Report where the architecture and what runs differ
  rules [--format json]            List the architecture rules
  init [folder]                    Start an architecture: a config and a starter model
  lsp [--stdio]                    Start the language server for an editor
  mcp                              Start an MCP server (stdio) for coding assistants
  help [command]                   Show help for a command

Options:
  -h, --help      Show this help
  -v, --version   Show the version

Run 'archsight <command> --help' for the options of a command.
`;

type Command = (args: string[], io: Output) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
    check: runCheck,
    render: runRender,
    diff: runDiff,
    import: runImport, drift: runDrift,
    rules: runRules,
    init: runInit,
};

/** Runs the CLI and returns its exit code; only here do errors become exit code 2. */
export async function main(argv: string[], io: Output = processOutput): Promise<number> {
    const [command, ...rest] = argv;
    if (command === undefined || command === '-h' || command === '--help') {
        io.out(HELP);
        return command === undefined ? 2 : 0;
    }
    if (command === '-v' || command === '--version') {
        io.out(`${typeof ARCHSIGHT_VERSION === 'string' ? ARCHSIGHT_VERSION : 'dev'}\n`);
        return 0;
    }
    if (command === 'help') {
        const help = rest[0] ? ownValue(COMMANDS, rest[0]) : undefined;
        return help ? help(['--help'], io) : main(['--help'], io);
    }
    const run = ownValue(COMMANDS, command);
    if (!run) {
        io.err(`archsight: unknown command '${terminalLine(command)}'. Run 'archsight --help' for the commands.\n`);
        return 2;
    }
    try {
        return await run(rest, io);
    } catch (error) {
        io.err(`archsight ${command}: ${terminalLine(describeArgumentError(error, command) ?? describe(error))}\n`);
        return 2;
    }
}

function describe(error: unknown): string {
    if (error instanceof UsageError || isLayoutTimeout(error)) return error.message;
    // parseArgs reports unknown options and missing values with a code of its own.
    const code = (error as { code?: string })?.code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) return (error as Error).message;
    return `internal error: ${error instanceof Error ? error.message : String(error)}`;
}
