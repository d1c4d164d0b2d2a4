/**
 * Node's `parseArgs` errors, in our words: which option, and where to read about the
 * options, instead of Node's advice about positionals that start with '-'.
 */
export function describeArgumentError(error: unknown, command: string): string | undefined {
    const code = (error as { code?: string })?.code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return undefined;
    const message = (error as Error).message;
    const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
    const help = `Run 'archsight ${command} --help' for its options.`;
    switch (code) {
        case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
            return `unknown option '${option ?? message}'. ${help}`;
        case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
            return /argument missing/.test(message)
                ? `option '${option}' needs a value. ${help}`
                : `option '${option}' takes no value. ${help}`;
        case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
            return `unexpected argument: ${message.replace(/^Unexpected argument '([^']*)'.*$/s, "'$1'")}. ${help}`;
        default:
            return `${message} ${help}`;
    }
}
