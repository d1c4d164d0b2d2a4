import type { Page } from 'playwright-core';
import { waitFor } from './wait.js';

/** The active editor; scenarios work in one editor at a time. */
const EDITOR = '.editor-group-container.active .monaco-editor';

/** Moves the cursor with Go to Line/Column (Ctrl+G), 1-based as the status bar shows it. */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
    await page.keyboard.press('Control+G');
    await waitFor('the Go to Line box to open', async () => ({
        ok: await page.locator('.quick-input-widget .quick-input-box input').isVisible(),
        seen: 'it is closed',
    }));
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
    await waitFor(`the cursor at Ln ${line}, Col ${column}`, async () => {
        const at = await cursorPosition(page);
        return { ok: at === `Ln ${line}, Col ${column}`, seen: at ?? 'no cursor position in the status bar' };
    });
}

/** The status bar's "Ln x, Col y". */
export async function cursorPosition(page: Page): Promise<string | undefined> {
    const item = page.locator('#status\\.editor\\.selection');
    return (await item.count()) > 0 ? (await item.innerText()).trim() : undefined;
}

/** The text of the visible editor lines that contain `snippet`, with non-breaking spaces read as spaces. */
export async function visibleLines(page: Page): Promise<string[]> {
    return page.locator(`${EDITOR} .view-lines .view-line`).evaluateAll(lines => lines
        .map(line => ({ top: parseFloat(line.style.top), text: (line.textContent ?? '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map(line => line.text));
}

export interface Token {
    readonly text: string;
    /** The TextMate token's colour class, e.g. `mtk16`. */
    readonly className: string;
}

/** The highlighted tokens of the visible lines: each span the editor rendered with its `mtk*` class. */
export async function visibleTokens(page: Page): Promise<Token[]> {
    return page.locator(`${EDITOR} .view-lines .view-line span span`).evaluateAll(spans => spans
        .map(span => ({ text: (span.textContent ?? '').replace(/\u00a0/g, ' '), className: [...span.classList].find(c => /^mtk\d+$/.test(c)) ?? '' }))
        .filter(token => token.text.trim().length > 0 && token.className !== ''));
}

export interface Box {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
}

/** Where `word` is drawn on the visible line that contains `lineSnippet` (whole word). */
export async function wordBox(page: Page, lineSnippet: string, word: string): Promise<Box | undefined> {
    return page.locator(`${EDITOR} .view-lines .view-line`).evaluateAll((lines, [snippet, w]) => {
        for (const line of lines) {
            const text = (line.textContent ?? '').replace(/\u00a0/g, ' ');
            if (!text.includes(snippet)) continue;
            const at = new RegExp(`\\b${w}\\b`).exec(text)?.index;
            if (at === undefined) continue;
            // Find the text nodes that hold the word and measure them with a DOM range.
            const walker = line.ownerDocument.createTreeWalker(line, 4 /* NodeFilter.SHOW_TEXT */);
            const range = line.ownerDocument.createRange();
            let offset = 0;
            let started = false;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const length = node.textContent?.length ?? 0;
                if (!started && at < offset + length) {
                    range.setStart(node, at - offset);
                    started = true;
                }
                if (started && at + w.length <= offset + length) {
                    range.setEnd(node, at + w.length - offset);
                    const r = range.getBoundingClientRect();
                    return { x: r.x, y: r.y, width: r.width, height: r.height };
                }
                offset += length;
            }
        }
        return undefined;
    }, [lineSnippet, word] as const);
}

/** The squiggles of one severity the editor draws, where they are. */
export async function squiggles(page: Page, severity: 'error' | 'warning' | 'info'): Promise<Box[]> {
    return page.locator(`${EDITOR} .squiggly-${severity}`).evaluateAll(elements => elements.map(e => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
    }));
}

/** True when `squiggle` underlines `word`: on its line, and covering it horizontally. */
export function underlines(squiggle: Box, word: Box): boolean {
    const sameLine = squiggle.y < word.y + word.height && squiggle.y + squiggle.height > word.y;
    const covers = squiggle.x <= word.x + 1 && squiggle.x + squiggle.width >= word.x + word.width - 1;
    return sameLine && covers;
}

/** Shows the hover at the cursor (Ctrl+K Ctrl+I) and returns its text once it has some. */
export async function hoverAtCursor(page: Page, expected: (text: string) => boolean, what: string): Promise<string> {
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    return waitFor(`a hover that shows ${what}`, async () => {
        const texts = await page.locator('.monaco-hover:not(.hidden)').allInnerTexts();
        const text = texts.join('\n---\n');
        return { ok: texts.some(expected), seen: text ? `hover text:\n${text}` : 'no hover', value: text };
    });
}

/** Types text at the cursor as a person does, key by key. */
export async function type(page: Page, text: string): Promise<void> {
    await page.keyboard.type(text, { delay: 10 });
}

/**
 * Opens completion at the cursor (Ctrl+Space) and reads every item of the list. The list
 * only renders the rows in view, so it pages down until it has seen all of them.
 */
export async function suggestions(page: Page): Promise<string[]> {
    await page.keyboard.press('Control+Space');
    const widget = page.locator(`${EDITOR} .suggest-widget.visible`);
    await waitFor('the completion list to open with items', async () => {
        const rows = await widget.locator('.monaco-list-row').count();
        const message = await page.locator(`${EDITOR} .suggest-widget .message`).allInnerTexts();
        return { ok: rows > 0, seen: rows === 0 ? `no items${message.length ? ` (${message.join(' ').trim()})` : ''}` : `${rows} items` };
    });
    const seen = new Map<number, string>();
    let total = Infinity;
    for (let pages = 0; seen.size < total && pages < 50; pages++) {
        const rows = await widget.locator('.monaco-list-row').evaluateAll(elements => elements.map(e => ({
            position: Number(e.getAttribute('aria-posinset')),
            size: Number(e.getAttribute('aria-setsize')),
            label: e.querySelector('.label-name')?.textContent ?? e.getAttribute('aria-label') ?? '',
            snippet: e.querySelector('.codicon-symbol-snippet') !== null,
        })));
        for (const row of rows) {
            // The extension's snippets are offered everywhere, as VS Code offers snippets; they are
            // not the language server's completions, which is what callers of this ask about.
            seen.set(row.position, row.snippet ? '' : row.label);
            total = row.size;
        }
        if (seen.size < total) await page.keyboard.press('PageDown');
    }
    return [...seen.entries()].sort(([a], [b]) => a - b).map(([, label]) => label).filter(label => label !== '');
}

/** The label of the completion item that Enter would accept. */
export async function focusedSuggestion(page: Page): Promise<string | undefined> {
    const row = page.locator(`${EDITOR} .suggest-widget.visible .monaco-list-row.focused .label-name`).first();
    return (await row.count()) > 0 ? (await row.innerText()).trim() : undefined;
}
