// Generates realistic architectures for the benchmark: gateways, services with their own
// databases, buses, functions with triggers, caches, meshes and systems, about two relations
// per element, observability links; split over several files for the larger sizes.

/** A small deterministic random source, so every run measures the same model. */
function random(seed) {
    let s = seed >>> 0;
    return () => {
        s = (s * 1664525 + 1013904223) >>> 0;
        return s / 2 ** 32;
    };
}

const LANGS = ['go', 'java', 'node', 'python', 'kotlin'];
const PROTOCOLS = ['rest', 'grpc'];

/**
 * Returns `{ files: Record<name, text>, entry: name, elements: number }` with about `size`
 * elements. Files: `main.arch` imports `part-N.arch` files of at most `perFile` elements.
 */
export function generateModel(size, { perFile = size <= 200 ? size : 500, seed = 42 } = {}) {
    const rnd = random(seed);
    const pick = list => list[Math.floor(rnd() * list.length)];
    const parts = [];
    let count = 0;
    const services = [];
    const shared = ['prom', 'jaeger', 'es', 'edge', 'registry'];
    // Shared infrastructure, in the entry file.
    const main = [
        'gateway edge "Edge Gateway" : kong { replicas 3 exposure public }',
        'registry registry "Service Registry" : consul { replicas 3 }',
        'stack obs "Observability" {',
        '  metrics prom "Prometheus" : prometheus { replicas 2 }',
        '  traces jaeger "Jaeger" : jaeger',
        '  logs es "Elasticsearch" : elasticsearch { replicas 3 }',
        '}',
    ];
    count += shared.length;
    let part = [];
    let partCount = 0;
    let group = 0;
    const flush = () => {
        if (part.length > 0) parts.push(part);
        part = [];
        partCount = 0;
    };
    while (count < size) {
        const g = group++;
        const unit = [];
        const members = [];
        const n = Math.min(6, size - count);
        const inMesh = g % 3 === 0;
        unit.push(inMesh ? `mesh mesh${g} "Mesh ${g}" : istio {` : `system sys${g} "Domain ${g}" {`);
        if (inMesh) unit.push(`  control-plane cp${g} : istiod { component pilot${g} "Pilot" }`);
        for (let i = 0; i < n && count < size; i++) {
            const id = `s${g}_${i}`;
            const kind = i === n - 1 && g % 4 === 1 ? 'function' : 'service';
            if (kind === 'function') {
                unit.push(`  function ${id} "Function ${g}.${i}" : lambda { trigger edge }`);
            } else if (inMesh) {
                unit.push(`  service ${id} "Service ${g}.${i}" : ${pick(LANGS)} { replicas ${1 + Math.floor(rnd() * 3)} health "/healthz" sidecar ${id}Proxy : envoy { timeout 2s breaker } }`);
                count++;
            } else {
                unit.push(`  service ${id} "Service ${g}.${i}" : ${pick(LANGS)} { replicas ${1 + Math.floor(rnd() * 3)} health "/healthz" }`);
            }
            members.push(id);
            count++;
            if (count < size && kind === 'service' && rnd() < 0.5) {
                unit.push(`  database ${id}Db : postgres { owner ${id} }`);
                unit.push(`  ${id} -> ${id}Db`);
                count++;
            }
        }
        const hasBus = count < size;
        if (hasBus) {
            unit.push(`  bus bus${g} "Events ${g}" : kafka { replicas 3 }`);
            count++;
        }
        unit.push('}');
        for (const id of members) {
            if (services.length > 0 && rnd() < 0.8) {
                const target = pick(services);
                unit.push(`${id} -> ${target} : ${pick(PROTOCOLS)} { timeout 800ms breaker }`);
            }
            if (hasBus) unit.push(`${id} ~> bus${g} "Event${g}"`);
            unit.push(`${id} ..> prom`);
            if (rnd() < 0.5) unit.push(`${id} ..> jaeger`);
        }
        unit.push(`edge -> ${members[0]} : https { timeout 3s }`);
        services.push(...members.filter(m => !m.startsWith('f')));
        part.push(...unit);
        partCount += n + 2;
        if (partCount >= perFile) flush();
    }
    flush();
    const files = {};
    if (parts.length === 1) {
        files['main.arch'] = `architecture "Generated ${size}" {\n${[...main, ...parts[0]].map(l => '  ' + l).join('\n')}\n}\n`;
    } else {
        // Later parts reference services of earlier parts, so each part imports all earlier ones.
        files['infra.arch'] = main.join('\n') + '\n';
        parts.forEach((lines, i) => {
            const imports = ['import "./infra.arch"', ...parts.slice(0, i).map((_, j) => `import "./part-${j + 1}.arch"`)];
            files[`part-${i + 1}.arch`] = `${imports.join('\n')}\n${lines.join('\n')}\n`;
        });
        const allImports = parts.map((_, i) => `import "./part-${i + 1}.arch"`).join('\n');
        files['main.arch'] = `import "./infra.arch"\n${allImports}\narchitecture "Generated ${size}" {\n}\n`;
    }
    return { files, entry: 'main.arch', elements: count };
}
