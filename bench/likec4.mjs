// Side by side with LikeC4 (`npm run bench -- --only likec4`): the same generated
// architectures, written in LikeC4's language, checked and laid out by LikeC4's own CLI in
// the same run as ours, so the ratios hold on any machine whatever its load. LikeC4 comes
// from the npm registry, and so does a Node it accepts (it needs Node 22 or later): both
// are installed once into node_modules/.cache/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { measureRuns } from './fresh-run.mjs';

export const LIKEC4_VERSION = '1.59.4';
const NODE_MAJOR = '22';

/** Installs (once) LikeC4 and a Node 22 to run it; returns how to run it, or why not. */
export function installLikeC4(root) {
    const platform = `${process.platform}-${process.arch}`;
    const nodePrefix = path.join(root, 'node_modules/.cache/archsight-node', NODE_MAJOR);
    const node = path.join(nodePrefix, 'node_modules', `node-${platform}`, 'bin/node');
    const prefix = path.join(root, 'node_modules/.cache/archsight-likec4');
    const cli = path.join(prefix, 'node_modules/likec4/bin/likec4.mjs');
    const install = (where, pkg) => spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock', '--prefix', where, pkg], { encoding: 'utf8' });
    if (!existsSync(node)) {
        const r = install(nodePrefix, `node-${platform}@${NODE_MAJOR}`);
        if (r.status !== 0) return { error: `Node ${NODE_MAJOR} could not be installed: ${r.stderr.trim().split('\n').at(-1)}` };
    }
    if (!existsSync(cli)) {
        const r = install(prefix, `likec4@${LIKEC4_VERSION}`);
        if (r.status !== 0 || !existsSync(cli)) return { error: `likec4@${LIKEC4_VERSION} could not be installed: ${r.stderr.trim().split('\n').at(-1)}` };
    }
    return { node, cli };
}

const ident = id => id.replace(/[^A-Za-z0-9_]/g, '_');
const quote = text => `'${String(text ?? '').replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, ' ')}'`;

/**
 * Our model (`archsight render --format json`) in LikeC4's language: each group an element
 * of kind `group` around its members, each element of its own kind with its technology,
 * each relation with its label, and one view that shows everything (`include **`).
 */
export function toLikeC4(model) {
    const kinds = new Set(['group', ...model.elements.map(e => ident(e.kind))]);
    const children = new Map();
    const add = (parent, item) => children.set(parent, [...(children.get(parent) ?? []), item]);
    for (const g of model.groups) add(g.parent ?? '', { ...g, isGroup: true });
    for (const e of model.elements) add(e.group ?? '', e);
    const fqn = new Map();
    const lines = ['specification {', ...[...kinds].map(k => `  element ${k}`), '}', 'model {'];
    const write = (parent, prefix, indent) => {
        for (const item of children.get(parent) ?? []) {
            const name = prefix ? `${prefix}.${ident(item.id)}` : ident(item.id);
            fqn.set(item.id, name);
            const kind = item.isGroup ? 'group' : ident(item.kind);
            lines.push(`${indent}${ident(item.id)} = ${kind} ${quote(item.label ?? item.id)} {`);
            if (item.technology) lines.push(`${indent}  technology ${quote(item.technology)}`);
            if (item.isGroup) write(item.id, name, `${indent}  `);
            lines.push(`${indent}}`);
        }
    };
    write('', '', '  ');
    for (const r of model.relations) {
        const [source, target] = [fqn.get(r.source), fqn.get(r.target)];
        if (source && target && source !== target) lines.push(`  ${source} -> ${target}${r.label ? ` ${quote(r.label)}` : ''}`);
    }
    // LikeC4's `*` is the top level only: each top-level group's descendants are added (`g.**`).
    const nested = (children.get('') ?? []).filter(item => item.isGroup).map(item => `, ${ident(item.id)}.**`).join('');
    lines.push('}', 'views {', '  view index {', `    title ${quote(model.title ?? 'Architecture')}`, `    include *${nested}`, '  }', '}', '');
    return lines.join('\n');
}

/** Writes the LikeC4 project for our model JSON into `dir`. */
export function writeLikeC4Project(dir, modelJson) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'model.c4'), toLikeC4(JSON.parse(modelJson)));
    writeFileSync(path.join(dir, 'likec4.config.json'), JSON.stringify({ name: 'bench' }) + '\n');
}

/**
 * One size, side by side, each in a fresh process: our `render` (SVG, defaults) against
 * LikeC4's layout of its one view (`likec4 export json`, which lays every view out with
 * Graphviz; its PNG export needs a browser, and it has no SVG export), and our `check` against
 * `likec4 validate`.
 */
export function sideBySide(root, likec4, model, runs) {
    const ours = path.join(root, 'bin/archsight.cjs');
    const json = spawnSync(process.execPath, [ours, 'render', model.entryPath, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (json.status !== 0) return { error: `archsight render --format json failed: ${json.stderr}` };
    const project = path.join(path.dirname(model.entryPath), 'likec4');
    writeLikeC4Project(project, json.stdout);
    const svg = path.join(path.dirname(model.entryPath), 'out.svg');
    const exported = path.join(project, 'out.json');
    const run = (command, args, cwd) => measureRuns(command, args, runs, cwd);
    const result = {
        render: run(process.execPath, [ours, 'render', model.entryPath, '-o', svg, '--force']),
        // Graphviz compiled to WebAssembly, as LikeC4 lays out where no `dot` binary is installed (as here).
        likec4Layout: run(likec4.node, [likec4.cli, 'export', 'json', '--no-use-dot', '--outfile', exported, project], project),
        check: run(process.execPath, [ours, 'check', model.entryPath]),
        likec4Validate: run(likec4.node, [likec4.cli, 'validate', project], project),
    };
    const laid = existsSync(exported) ? readFileSync(exported, 'utf8') : '';
    return { ...result, likec4LaidOut: /"x"\s*:/.test(laid) };
}
