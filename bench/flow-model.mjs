// A model for the 'flows' section: a chain of `size` services, each calling the next, and two
// flows of `size` steps: one down the chain (each step inside the one before) and one from a
// hub to every service (steps one after the other, every ten in a parallel block).
export function flowModel(size) {
    const lines = ['architecture "Flows" {', '  service hub { replicas 2 }'];
    for (let i = 0; i <= size; i++) lines.push(`  service s${i} { replicas ${i % 7 === 0 ? 1 : 2} }`);
    for (let i = 0; i < size; i++) {
        lines.push(`  s${i} -> s${i + 1} { timeout ${(size - i) * 10 + 10}ms retries ${i % 5 === 0 ? 1 : 0}${i % 11 === 0 ? ' breaker none' : ''} }`);
        lines.push(`  hub -> s${i} { timeout 100ms }`);
    }
    lines.push('  flow chain {');
    for (let i = 0; i < size; i++) lines.push(`    s${i} -> s${i + 1}`);
    lines.push('  }', '  flow wide {');
    for (let i = 0; i < size; i += 10) {
        const block = [];
        for (let j = i; j < Math.min(size, i + 10); j++) block.push(`hub -> s${j}`);
        lines.push(`    parallel { ${block.join('; ')} }`);
    }
    lines.push('  }', '}');
    return lines.join('\n') + '\n';
}
