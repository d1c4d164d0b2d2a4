/**
 * What bin/archsight.cjs loads before the CLI's bundle when `--cache` is given: the replay
 * of an unchanged run kept by `render --cache` (render-memo.ts) or `check --cache`
 * (check-memo.ts). A small bundle of its own: a replay loads no parser.
 */
export { replayCheck } from './check-memo.js';
export { replayRender } from './render-memo.js';
