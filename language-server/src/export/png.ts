import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

/** The most pixels a side of the PNG gets: the scale shrinks for a diagram larger than that. */
export const MAX_PNG_SIDE = 16_384;
/** The most pixels in all (64M, 256 MB of RGBA): a huge diagram is drawn smaller, not refused. */
export const MAX_PNG_PIXELS = 64 * 1024 * 1024;

/** The font the PNG's text is drawn in: a wasm rasteriser sees no system fonts. */
const FONT_FAMILY = 'DejaVu Sans';
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

let ready: Promise<Uint8Array[]> | undefined;

/**
 * Rasterises one of our SVG diagrams to PNG with resvg compiled to WebAssembly, so the
 * package needs neither a browser nor a native module. `scale` 2 gives a sharp image on
 * high-density screens; it is lowered to stay within {@link MAX_PNG_SIDE} and
 * {@link MAX_PNG_PIXELS}.
 */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Uint8Array> {
    const fonts = await (ready ??= load());
    const fitted = fittedScale(width, height, scale);
    const resvg = new Resvg(svg, {
        font: { fontBuffers: fonts, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
        fitTo: { mode: 'zoom', value: fitted },
    });
    try {
        const image = resvg.render();
        try {
            return image.asPng();
        } finally {
            image.free();
        }
    } finally {
        resvg.free();
    }
}

/** The scale actually used: at most `scale`, lowered for the size limits. */
export function fittedScale(width: number, height: number, scale: number): number {
    const w = Math.max(width, 1);
    const h = Math.max(height, 1);
    return Math.min(scale, MAX_PNG_SIDE / w, MAX_PNG_SIDE / h, Math.sqrt(MAX_PNG_PIXELS / (w * h)));
}

async function load(): Promise<Uint8Array[]> {
    try {
        const [wasm, ...fonts] = await Promise.all([asset('resvg.wasm'), ...FONT_FILES.map(asset)]);
        await initWasm(wasm);
        return fonts;
    } catch (error) {
        ready = undefined;
        throw new Error(`The PNG rasteriser could not be loaded: ${(error as Error)?.message ?? String(error)}`);
    }
}

/**
 * A bundle finds the wasm module and the fonts in `png/` beside it (scripts/bundle.mjs
 * copies them there); the sources, run by the tests, find them in node_modules.
 */
async function asset(name: string): Promise<Uint8Array> {
    const here = path.dirname(fileURLToPath(import.meta.url));
    try {
        return await readFile(path.join(here, 'png', name));
    } catch {
        const require = createRequire(import.meta.url);
        const file = name === 'resvg.wasm'
            ? require.resolve('@resvg/resvg-wasm/index_bg.wasm')
            : require.resolve(`dejavu-fonts-ttf/ttf/${name}`);
        return readFile(file);
    }
}
