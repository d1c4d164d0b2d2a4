import { describe, expect, test } from 'vitest';
import { checkDiagramParams } from '../../language-server/src/lsp/diagram-params.js';
import type { DiagramParams } from '../../language-server/src/protocol.js';

const BASE: DiagramParams = { uri: 'file:///a.arch', view: 'all', direction: 'DOWN', theme: 'vscode', legend: true };
const check = (extra: Record<string, unknown>) => checkDiagramParams({ ...BASE, ...extra } as unknown as DiagramParams);

describe('the diagram request\'s level-of-detail parameters', () => {
    test('a pane, a level, groups to expand and the choice of direction pass', () => {
        expect(check({ pane: { width: 800, height: 1000 }, level: 'auto', expand: ['shop'], chooseDirection: true })).toBeUndefined();
        expect(check({ pane: { width: 800, height: 1000 }, zoomable: true, hint: 'orders', cursor: { line: 3, character: 0 } })).toBeUndefined();
        expect(check({ level: 'full' })).toBeUndefined();
        expect(check({ level: 2 })).toBeUndefined();
    });

    test('anything else is refused with a one-line reason', () => {
        expect(check({ pane: { width: 0, height: 1000 } })).toBe('pane must be { width, height } in pixels, each from 1 to 100000.');
        expect(check({ pane: 'big' })).toBe('pane must be { width, height } in pixels, each from 1 to 100000.');
        expect(check({ level: -1 })).toBe('level must be auto, full or a whole number from 0 to 100.');
        expect(check({ level: 'deep' })).toBe('level must be auto, full or a whole number from 0 to 100.');
        expect(check({ expand: 'shop' })).toBe('expand must be a list of group ids.');
        expect(check({ expand: [1] })).toBe('expand must be a list of group ids.');
        expect(check({ chooseDirection: 'yes' })).toBe('chooseDirection must be true or false.');
        expect(check({ zoomable: 1 })).toBe('zoomable must be true or false.');
        expect(check({ hint: ['orders'] })).toBe('hint must be the id of an element or group.');
        expect(check({ cursor: { line: -1, character: 0 } })).toBe('cursor must be { line, character }, whole numbers from 0.');
        expect(check({ cursor: { line: 1 } })).toBe('cursor must be { line, character }, whole numbers from 0.');
    });
});
