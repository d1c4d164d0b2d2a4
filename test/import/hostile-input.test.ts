import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importFixture } from './import-helpers.js';

describe('names, images and values from the sources are written as text the language reads', () => {
    test('quotes, backslashes, newlines, terminal escapes and comment ends in names and images give a file without errors', async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'archsight-hostile-'));
        writeFileSync(path.join(dir, 'compose.yaml'), [
            'services:',
            '  "evil\\"name */ \\u001b[31m":',
            '    image: "registry/x:1\\n}\\narchitecture \\"pwn\\" {"',
            '    depends_on: ["system"]',
            '  system:',
            '    image: "\\\\weird\\\\:latest"',
            '  "3d-render":',
            '    image: "mesh"',
            '',
        ].join('\n'));
        const { text, model, diagnostics } = await importFixture(['compose.yaml'], { cwd: dir });
        expect(diagnostics.filter(l => / error /.test(l))).toEqual([]);
        // Ids are letters and digits (a keyword or a leading digit gets an underscore); the original name is the label.
        expect([...model.elements.keys()]).toEqual(['evilName31m', 'system_', '_3dRender']);
        expect(model.elements.get('evilName31m')?.label).toBe('evil"name * /  [31m');
        expect(model.relations.map(r => `${r.sourceId}->${r.targetId}`)).toEqual(['evilName31m->system_']);
        // No control character reaches the file, and no comment is closed or line broken early.
        // eslint-disable-next-line no-control-regex
        expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
        expect(text.match(/^architecture /gm)).toHaveLength(1);
    });
});
