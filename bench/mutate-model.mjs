// A later version of a generated architecture, for the diff benchmark: every 25th element
// of one kind renamed (its label kept), every 10th replica count changed, every 15th call
// removed, and a new system of services added. Deterministic.

export function mutateModel(text) {
    let n = 0;
    const renamed = new Set();
    for (const m of text.matchAll(/^\s*service (s\d+_\d+) /gm)) if (n++ % 25 === 0) renamed.add(m[1]);
    let out = text.replace(/\b(s\d+_\d+)\b(?!Db|Proxy)/g, (id) => (renamed.has(id) ? `${id}x` : id));
    let r = 0;
    out = out.replace(/replicas (\d+)/g, (whole, k) => (r++ % 10 === 0 ? `replicas ${Number(k) + 1}` : whole));
    let c = 0;
    out = out.split('\n').filter(line => !(/^\s*\S+ -> \S+/.test(line) && c++ % 15 === 0)).join('\n');
    const added = Array.from({ length: 10 }, (_, i) => `  service added${i} "Added ${i}" : go { replicas 2 }\n  added${i} -> edge`);
    out = out.replace(/\}\s*$/, `  system addedSystem "Added" {\n${added.join('\n')}\n  }\n}\n`);
    return out;
}
