import { parseArgs } from 'node:util';

/** Where `--cache` keeps layouts and drawings unless `--cache-location` says otherwise (relative to the working folder). */
export const DEFAULT_CACHE_LOCATION = '.archsight-cache';

/**
 * `archsight render`'s options, read by the command and by the replay of a cached drawing
 * (render-memo.ts), which runs before the CLI is loaded and must read them the same way.
 */
export function parseRenderArgs(args: string[]) {
    return parseArgs({
        args,
        allowPositionals: true,
        options: {
            output: { type: 'string', short: 'o' },
            format: { type: 'string' },
            force: { type: 'boolean', default: false },
            theme: { type: 'string', default: 'light' },
            view: { type: 'string', default: 'all' },
            focus: { type: 'string' },
            flow: { type: 'string' },
            as: { type: 'string', default: 'diagram' },
            direction: { type: 'string', default: 'auto' },
            level: { type: 'string', default: 'auto' },
            expand: { type: 'string', multiple: true, default: [] },
            pane: { type: 'string', default: '800x1000' },
            scale: { type: 'string', default: '2' },
            'no-findings': { type: 'boolean', default: false },
            'no-legend': { type: 'boolean', default: false },
            cache: { type: 'boolean', default: false },
            'cache-location': { type: 'string' },
            help: { type: 'boolean', short: 'h' },
        },
    });
}

/** The options and positionals as read. */
export type RenderArgs = ReturnType<typeof parseRenderArgs>;
