// `npm run eval`: checks every system of the evaluation corpus (eval/<system>/model.arch)
// with the built CLI, scores the findings against the system's ground truth
// (eval/<system>/expected.json), prints recall and precision per system and in total, and
// writes eval/results/latest.json. Exits non-zero only when the checker or the scorer fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreSystem, scoreTotal } from './score.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EVAL = path.join(ROOT, 'eval');
const CLI = path.join(ROOT, 'bin/archsight.cjs');
const RULES = new Set(readdirSync(path.join(ROOT, 'docs/rules'))
    .filter(f => f.endsWith('.md') && f !== 'README.md').map(f => f.slice(0, -3)));

function check(model) {
    const run = spawnSync(process.execPath, [CLI, 'check', model, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    // 0: clean, 1: errors or too many warnings; anything else is the checker failing.
    if (run.status !== 0 && run.status !== 1) {
        throw new Error(`archsight check ${path.relative(ROOT, model)} exited with ${run.status}: ${(run.stderr || '').trim().split('\n')[0]}`);
    }
    return JSON.parse(run.stdout).flatMap(file => file.diagnostics);
}

const pct = v => v === null ? '   –' : `${Math.round(v * 100)}%`.padStart(4);

function main() {
    const systems = readdirSync(EVAL, { withFileTypes: true })
        .filter(d => d.isDirectory() && existsSync(path.join(EVAL, d.name, 'model.arch')))
        .map(d => d.name).sort();
    const results = [];
    for (const name of systems) {
        const dir = path.join(EVAL, name);
        const model = path.join(dir, 'model.arch');
        const truth = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8'));
        for (const smell of truth.smells) {
            if (!RULES.has(smell.rule)) console.warn(`${name}: the ground truth names '${smell.rule}', which is not a rule of this build (yet)`);
        }
        const diagnostics = check(model);
        const findings = diagnostics.filter(d => d.code && RULES.has(d.code));
        const modelProblems = diagnostics.filter(d => !(d.code && RULES.has(d.code)));
        const lines = readFileSync(model, 'utf8').split(/\r?\n/);
        const score = scoreSystem(findings, truth.smells, lines);
        results.push({ system: name, title: truth.system, reviewed: truth.smells.filter(s => s.origin === 'review').length, modelProblems, ...score });
    }
    const total = scoreTotal(results);

    console.log(`${'system'.padEnd(28)} smells found recall  findings true precision`);
    for (const r of results) {
        console.log(`${r.system.padEnd(28)} ${String(r.smells).padStart(6)} ${String(r.found.length).padStart(5)}   ${pct(r.recall)}  ${String(r.findings).padStart(8)} ${String(r.truePositives.length).padStart(4)}      ${pct(r.precision)}`);
    }
    console.log(`${'total'.padEnd(28)} ${String(total.smells).padStart(6)} ${String(total.found).padStart(5)}   ${pct(total.recall)}  ${String(total.findings).padStart(8)} ${String(total.truePositives).padStart(4)}      ${pct(total.precision)}`);
    const reviewed = results.reduce((n, r) => n + r.reviewed, 0);
    // Recall over the smells listed before any finding was seen, so review cannot flatter it.
    const firstFound = results.reduce((n, r) => n + r.found.filter(f => f.smell.origin !== 'review').length, 0);
    total.recallFirstList = total.smells - reviewed === 0 ? null : firstFound / (total.smells - reviewed);
    console.log(`ground truth: ${total.smells - reviewed} smells read from the systems' sources, ${reviewed} more confirmed in the sources after a finding pointed at them ("origin": "review")`);
    console.log(`recall over the ${total.smells - reviewed} smells of the first list alone: ${pct(total.recallFirstList).trim()} (${firstFound})`);
    if (process.argv.includes('--markdown')) {
        // The table README.md's Evaluation section shows.
        console.log('\n| system | smells | found | recall | warnings and errors | true | precision |');
        console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
        for (const r of results) {
            console.log(`| ${r.title} | ${r.smells} | ${r.found.length} | ${pct(r.recall).trim()} | ${r.findings} | ${r.truePositives.length} | ${pct(r.precision).trim()} |`);
        }
        console.log(`| **total** | **${total.smells}** | **${total.found}** | **${pct(total.recall).trim()}** | **${total.findings}** | **${total.truePositives}** | **${pct(total.precision).trim()}** |\n`);
    }
    if (process.argv.includes('--details')) {
        for (const r of results) {
            for (const m of r.missed) console.log(`  ${r.system}: missed   ${m.smell.rule} [${m.smell.elements.join(', ')}]`);
            for (const f of r.falsePositives) console.log(`  ${r.system}: false    ${f.code} line ${f.line}: ${f.message}`);
            for (const p of r.modelProblems) console.log(`  ${r.system}: model    line ${p.line} ${p.severity}: ${p.message} [${p.code ?? ''}]`);
        }
    } else {
        console.log('(`npm run eval -- --details` lists the missed smells and the false findings)');
    }
    for (const r of results.filter(r => r.modelProblems.some(p => p.severity === 'error'))) {
        console.warn(`${r.system}: the model itself has errors; see --details`);
    }
    const out = path.join(EVAL, 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'latest.json'), JSON.stringify({ total, systems: results }, null, 2) + '\n');
    console.log(`written ${path.relative(ROOT, path.join(out, 'latest.json'))}`);
}

try {
    main();
} catch (error) {
    console.error(`eval: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
}
