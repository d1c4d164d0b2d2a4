// Workspaces of many files that import each other, for the 'imports' section: a chain (each
// file imports the one before it) and a layered workspace (a main file, layers below it, each
// file importing a few of the layer below, and one platform file that every file of the last
// layer imports). Each file declares `perFile` services that call services of what it imports.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

function fileText(name, imports, perFile, calls) {
    const lines = imports.map(i => `import "${i.file}"`);
    lines.push(`architecture "${name}" {`);
    for (let j = 0; j < perFile; j++) lines.push(`  service ${name}_s${j} : go { replicas 2 }`);
    for (let j = 1; j < perFile; j++) lines.push(`  ${name}_s${j - 1} -> ${name}_s${j} { timeout 1s }`);
    for (const i of imports) for (let c = 0; c < calls; c++) lines.push(`  ${name}_s${c % perFile} -> ${i.name}_s${c % i.perFile} { timeout 1s }`);
    lines.push('}', '');
    return lines.join('\n');
}

function write(dir, files) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const f of files) writeFileSync(path.join(dir, f.file), f.text);
    return { dir, files: files.length, elements: files.reduce((n, f) => n + f.perFile, 0), entry: path.join(dir, files[files.length - 1].file) };
}

/** `count` files, file n importing file n-1; the last one is the root. */
export function writeChain(count, perFile = 1) {
    const files = [];
    for (let n = 0; n < count; n++) {
        const name = `c${n}`;
        const imports = n > 0 ? [files[n - 1]] : [];
        files.push({ name, file: `${name}.arch`, perFile, text: fileText(name, imports, perFile, 1) });
    }
    return write(path.join(tmpdir(), `archsight-chain-${count}x${perFile}`), files);
}

/** `count` files in layers of growing width under one main file; `perFile` services each. */
export function writeLayered(count, perFile = 5) {
    const widths = [];
    for (let left = count - 2, w = 3; left > 0; w *= 2) widths.push(Math.min(w, left)), (left -= Math.min(w, left));
    const platform = { name: 'platform', file: 'platform.arch', perFile, text: fileText('platform', [], perFile, 0) };
    const layers = [];
    for (let l = widths.length - 1; l >= 0; l--) {
        const below = layers[0];
        const layer = [];
        for (let i = 0; i < widths[l]; i++) {
            const name = `l${l}f${i}`;
            // Each file of the layer below is imported by at least one file of this layer.
            const imports = below ? [...new Set([below[(2 * i) % below.length], below[(2 * i + 1) % below.length], below[(i * 7 + 3) % below.length]])] : [platform];
            layer.push({ name, file: `${name}.arch`, perFile, text: fileText(name, imports, perFile, 2) });
        }
        layers.unshift(layer);
    }
    const main = { name: 'main', file: 'main.arch', perFile, text: fileText('main', layers[0], perFile, 1) };
    return write(path.join(tmpdir(), `archsight-layered-${count}x${perFile}`), [platform, ...layers.slice().reverse().flat(), main]);
}
