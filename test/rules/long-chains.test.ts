import { clearDocuments } from 'langium/test';
import { afterEach, expect, test } from 'vitest';
import { createTestServices } from '../helpers/services.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

test('a chain of 5,000 synchronous calls is reported, not a stack overflow, with a message of bounded length', async () => {
    const n = 5_000;
    const lines = ['architecture "Chain" {'];
    for (let i = 0; i < n; i++) lines.push(`  service s${i} { replicas 2 }`);
    for (let i = 0; i + 1 < n; i++) lines.push(`  s${i} -> s${i + 1} { timeout 1s }`);
    lines.push('}');
    const doc = await services.parse(lines.join('\n'), { validation: true });
    const codes = (doc.diagnostics ?? []).map(d => String(d.code));
    expect(codes).not.toContain('internal-error');
    const chain = (doc.diagnostics ?? []).find(d => d.code === 'deep-sync-chain');
    expect(chain?.message).toMatch(/^Synchronous call chain of 4999 hops \(more than 4\): s0 → s1 → .* … \(4989 more\) → .* → s4999\.$/);
    expect(String(chain!.message).length).toBeLessThan(200);
}, 120_000);
