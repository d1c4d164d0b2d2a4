import { parseArgs } from 'node:util';
import { wantsColor } from './color.js';

/**
 * `archsight check`'s options, read by the command and by the replay of a kept run
 * (check-memo.ts), which runs before the CLI is loaded and must read them the same way.
 */
export function parseCheckArgs(args: readonly string[]) {
    return parseArgs({
        args: joinNegativeValues(args, ['--max-warnings']),
        allowPositionals: true,
        options: {
            format: { type: 'string', default: 'text' },
            'max-warnings': { type: 'string' },
            rule: { type: 'string', multiple: true },
            config: { type: 'string' },
            'output-file': { type: 'string', short: 'o' },
            quiet: { type: 'boolean' },
            stdin: { type: 'boolean' },
            'stdin-filename': { type: 'string' },
            'ignore-pattern': { type: 'string', multiple: true },
            fix: { type: 'boolean' },
            'fix-dry-run': { type: 'boolean' },
            color: { type: 'boolean' },
            'no-color': { type: 'boolean' },
            baseline: { type: 'string' },
            'write-baseline': { type: 'boolean', default: false },
            cache: { type: 'boolean', default: false },
            'cache-location': { type: 'string' },
            help: { type: 'boolean', short: 'h' },
        },
    });
}

/** The options and positionals as read. */
export type CheckArgs = ReturnType<typeof parseCheckArgs>;

/**
 * Whether a run may be kept and replayed: `--cache` asked for, and a run that reads only
 * files (not standard input) and writes none of them (no fixes, no baseline written).
 */
export function mayKeep({ values }: CheckArgs): boolean {
    return (values.cache || values['cache-location'] !== undefined) && !values.help
        && !values.stdin && !values.fix && !values['fix-dry-run'] && !values['write-baseline'];
}

/**
 * `--max-warnings -1`: parseArgs takes `-1` for an option and says so in three lines. The
 * value is joined to its option, so that the option's own check says what it takes.
 */
function joinNegativeValues(args: readonly string[], options: readonly string[]): string[] {
    const result: string[] = [];
    for (let i = 0; i < args.length; i++) {
        if (options.includes(args[i]) && /^-\d/.test(args[i + 1] ?? '')) result.push(`${args[i]}=${args[++i]}`);
        else result.push(args[i]);
    }
    return result;
}

/** Whether the report is coloured: a text report to a terminal, as `wantsColor` decides. */
export function paints(values: CheckArgs['values'], isTTY: boolean | undefined): boolean {
    return values.format === 'text' && wantsColor(values, values['output-file'] === undefined && isTTY === true);
}
