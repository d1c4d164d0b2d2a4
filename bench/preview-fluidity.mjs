// How fluid the preview is with a large diagram: the real webview page (its HTML, CSP,
// script and stylesheet from `out/webview/`) in Debian's Chromium, sent the diagram the
// language server would send, then zoomed with the wheel and panned by dragging as a person
// does. Every animation frame is timed in the page; a frame over 50 ms is a visible stutter.
// Chromium runs headless without a GPU here, so the figures are upper bounds.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import * as path from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const STUTTER_MS = 50;

/** Serves the preview page and its two files on a local port; returns its address and a closer. */
async function servePreview(root, api) {
    const nonce = api.createNonce();
    const files = {
        '/preview.js': ['text/javascript', readFileSync(path.join(root, 'out/webview/preview.js'))],
        '/preview.css': ['text/css', readFileSync(path.join(root, 'out/webview/preview.css'))],
    };
    const server = createServer((request, response) => {
        const origin = `http://${request.headers.host}`;
        if (request.url === '/') {
            const html = api.previewHtml({ cspSource: origin, nonce, scriptUri: `${origin}/preview.js`, styleUri: `${origin}/preview.css`, title: 'Benchmark' });
            response.writeHead(200, { 'content-type': 'text/html' }).end(html);
            return;
        }
        const file = files[request.url];
        if (file) response.writeHead(200, { 'content-type': file[0] }).end(file[1]);
        else response.writeHead(404).end();
    });
    await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise(resolve => server.close(resolve)) };
}

/** Frame intervals (ms) recorded in the page while `act` runs. */
async function framesDuring(page, act) {
    await page.evaluate(() => {
        window.__frames = [];
        window.__recording = true;
        let last = performance.now();
        const tick = now => {
            window.__frames.push(now - last);
            last = now;
            if (window.__recording) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
    });
    await act();
    return page.evaluate(() => {
        window.__recording = false;
        return window.__frames.slice(1);
    });
}

function summary(frames) {
    const sorted = [...frames].sort((a, b) => a - b);
    const at = q => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return { frames: frames.length, medianMs: at(0.5), p95Ms: at(0.95), worstMs: sorted.at(-1), stutters: frames.filter(f => f > STUTTER_MS).length };
}

/**
 * Measures the preview with `diagram` ({ svg, width, height }): how long until it is shown,
 * and the frames while zooming (wheel) and panning (drag) across it.
 */
export async function previewFluidity(root, api, diagram) {
    if (!existsSync(CHROMIUM)) return { error: `no Chromium at ${CHROMIUM} (npm run test:e2e installs it)` };
    const { chromium } = await import('playwright-core');
    const site = await servePreview(root, api);
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    try {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        // The webview's host API; the page's own CSP still applies to everything else.
        await page.addInitScript(() => {
            window.acquireVsCodeApi = () => ({ postMessage() {}, getState() { return undefined; }, setState() {} });
        });
        await page.goto(site.url);
        const message = {
            type: 'diagram', uri: 'file:///bench.arch', svg: diagram.svg, width: diagram.width, height: diagram.height,
            options: { view: 'all', direction: 'DOWN', legend: true }, findings: {}, fit: true, banners: [],
        };
        const showMs = await page.evaluate(async m => {
            const start = performance.now();
            window.postMessage(m, '*');
            await new Promise(resolve => {
                const wait = () => (document.querySelector('#viewport > svg') ? requestAnimationFrame(() => resolve()) : setTimeout(wait, 1));
                wait();
            });
            return performance.now() - start;
        }, message);
        const stage = await page.locator('#stage').boundingBox();
        const cx = stage.x + stage.width / 2;
        const cy = stage.y + stage.height / 2;
        await page.mouse.move(cx, cy);
        const zoom = await framesDuring(page, async () => {
            for (let i = 0; i < 30; i++) {
                await page.mouse.wheel(0, i < 15 ? -120 : 120);
                await page.waitForTimeout(16);
            }
        });
        const pan = await framesDuring(page, async () => {
            await page.mouse.down();
            for (let i = 0; i < 60; i++) {
                await page.mouse.move(cx + 300 * Math.sin(i / 9), cy + 200 * Math.cos(i / 9));
                await page.waitForTimeout(16);
            }
            await page.mouse.up();
        });
        const svgNodes = await page.evaluate(() => document.querySelectorAll('#viewport svg *').length);
        return { showMs, svgNodes, zoom: summary(zoom), pan: summary(pan) };
    } finally {
        await browser.close();
        await site.close();
    }
}
