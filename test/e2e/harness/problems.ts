import type { Page } from 'playwright-core';
import { cliProblems } from './cli.js';
import { runCommand } from './workbench.js';
import { waitFor } from './wait.js';

export type Severity = 'error' | 'warning' | 'info';

/** A diagnostic as a person reads it in the Problems view or the CLI's output. */
export interface Problem {
    /** Workspace-relative path, e.g. `evolution/2-soa.arch`. */
    readonly file: string;
    readonly severity: Severity;
    readonly line: number;
    readonly column: number;
    readonly message: string;
    readonly code?: string;
}

export interface Counts {
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
}

/** One problem per line, sorted, so two lists compare as readable text. */
export function describeProblems(problems: readonly Problem[]): string {
    return problems
        .map(p => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.message}${p.code ? ` [${p.code}]` : ''}`)
        .sort()
        .join('\n');
}

export function countProblems(problems: readonly Problem[]): Counts {
    return {
        errors: problems.filter(p => p.severity === 'error').length,
        warnings: problems.filter(p => p.severity === 'warning').length,
        infos: problems.filter(p => p.severity === 'info').length,
    };
}

/**
 * Waits until the status bar counts what `archsight check` counts in the whole workspace:
 * the language server has then checked every file, the way CI does.
 */
export async function waitForStatusBarToMatchCli(page: Page, workspace: string, timeoutMs = 30_000): Promise<Counts> {
    const everywhere = countProblems(await cliProblems(workspace, ['.']));
    await waitFor(`the status bar to count what the CLI counts in the workspace, ${JSON.stringify(everywhere)}`, async () => {
        const counts = await statusBarCounts(page);
        return { ok: JSON.stringify(counts) === JSON.stringify(everywhere), seen: JSON.stringify(counts) };
    }, { timeoutMs });
    return everywhere;
}

/** The status bar's problem counts, read from its accessible label ("Errors: 1, Warnings: 2" or "No Problems"). */
export async function statusBarCounts(page: Page): Promise<Counts> {
    const label = (await page.locator('#status\\.problems a').first().getAttribute('aria-label')) ?? '';
    const count = (word: string) => Number(new RegExp(`${word}: (\\d+)`).exec(label)?.[1] ?? 0);
    return { errors: count('Errors'), warnings: count('Warnings'), infos: count('Infos') };
}

/**
 * Opens the Problems view and filters it to one workspace file, as a person does to read
 * the problems of the file in front of them (the language server checks every file).
 */
export async function showProblems(page: Page, file: string): Promise<void> {
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    const filter = page.locator('.markers-panel-container input[aria-label="Filter Problems"], input[aria-label="Filter Problems"]').first();
    await waitFor('the Problems view and its filter box to be visible', async () => ({
        ok: await page.locator('.markers-panel').isVisible() && await filter.isVisible(),
        seen: 'they are hidden',
    }));
    await filter.fill(`**/${file}`);
}

interface Row {
    readonly index: number;
    /** 1: a file, 2: a problem in it, 3: related information of a problem. */
    readonly level: number;
    readonly label: string;
    readonly severity?: string;
    readonly message: string;
    readonly code?: string;
    readonly position?: string;
}

/**
 * Every problem the Problems view lists, with the file each sits under. The view renders
 * only the rows in sight, so this scrolls it from top to bottom and collects each row once.
 * File rows say "N problems in file NAME of folder DIR"; problem rows show message, code
 * and "[Ln x, Col y]"; related information rows below a problem are skipped.
 */
export async function problemsInView(page: Page, workspaceName: string): Promise<Problem[]> {
    const list = page.locator('.markers-panel .monaco-list').first();
    const rows = new Map<number, Row>();
    const box = await list.boundingBox();
    // Near the top left of the list, clear of notifications in the bottom right corner.
    if (box) await page.mouse.move(box.x + 60, box.y + 30);
    // A wheel turn scrolls a few rows: turn up until the first row shows, then down to the end.
    for (let step = 0; step < 500 && !(await renderedRows(page)).some(r => r.index === 0); step++) {
        if (!(await scrollProblems(page, -(box?.height ?? 300)))) break;
    }
    for (let step = 0; step < 500; step++) {
        for (const row of await renderedRows(page)) rows.set(row.index, row);
        if (!(await scrollProblems(page, box?.height ?? 300))) break;
    }
    const problems: Problem[] = [];
    let file = '';
    for (const row of [...rows.values()].sort((a, b) => a.index - b.index)) {
        if (row.level === 1) {
            const resource = /in file (.+?)(?: of folder (.+))?$/.exec(row.label);
            file = resource ? relativePath(resource[1], resource[2], workspaceName) : row.label;
        } else if (row.level === 2) {
            const at = /Ln (\d+), Col (\d+)/.exec(row.position ?? '');
            problems.push({
                file,
                severity: (row.severity ?? 'info') as Severity,
                line: Number(at?.[1]),
                column: Number(at?.[2]),
                message: row.message,
                code: row.code || undefined,
            });
        }
    }
    return problems;
}

/** Scrolls the list by a wheel turn; false when it did not move (at the top or the end). */
async function scrollProblems(page: Page, deltaY: number): Promise<boolean> {
    const before = (await renderedRows(page)).map(r => r.index).join(',');
    await page.mouse.wheel(0, deltaY);
    // The list renders the rows it scrolled to in the next animation frame.
    await page.evaluate('new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    let previous = before;
    let settled = '';
    await waitFor('the Problems view to stop scrolling', async () => {
        const now = (await renderedRows(page)).map(r => r.index).join(',');
        const ok = now === previous;
        previous = settled = now;
        return { ok, seen: `rows ${now}` };
    }, { timeoutMs: 3_000, intervalMs: 50 });
    return settled !== before;
}

async function renderedRows(page: Page): Promise<Row[]> {
    // Direct children only: the sticky header above the list repeats some rows.
    return page.locator('.markers-panel .monaco-list-rows > .monaco-list-row').evaluateAll(elements => elements.map(row => {
        const text = (selector: string) => row.querySelector(selector)?.textContent ?? undefined;
        const icon = row.querySelector('.marker-icon');
        return {
            index: Number(row.getAttribute('data-index')),
            level: Number(row.getAttribute('aria-level')),
            label: row.getAttribute('aria-label') ?? '',
            severity: ['error', 'warning', 'info'].find(s => icon?.classList.contains(s)),
            message: [...row.querySelectorAll('.marker-message')].map(m => m.textContent ?? '').join('\n'),
            code: text('.marker-code'),
            position: text('.marker-line'),
        };
    }));
}

/** The Problems view names a file and its folder: "." or the root folder's name for the workspace root. */
function relativePath(name: string, folder: string | undefined, workspaceName: string): string {
    return folder && folder !== '.' && folder !== workspaceName ? `${folder}/${name}` : name;
}
