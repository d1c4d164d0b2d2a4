import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_OPTIONS, optionsFromSettings } from '../../extension/src/preview/preview-options.js';
import { REPO } from '../helpers/cli.js';

// The archsight.preview.* settings: what a new preview (and an export without one) starts from.
const properties = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).contributes.configuration.properties;

describe('preview settings', () => {
    test('are declared with the defaults a preview has without them', () => {
        expect(properties['archsight.preview.view']).toMatchObject({ type: 'string', default: DEFAULT_OPTIONS.view });
        expect(properties['archsight.preview.direction']).toMatchObject({ enum: ['down', 'right'], default: DEFAULT_OPTIONS.direction.toLowerCase() });
        expect(properties['archsight.preview.legend']).toMatchObject({ type: 'boolean', default: DEFAULT_OPTIONS.legend });
        expect(optionsFromSettings({ view: 'all', direction: 'down', legend: true })).toEqual(DEFAULT_OPTIONS);
    });

    test('set the view, the direction and the legend of a new preview', () => {
        expect(optionsFromSettings({ view: 'calls', direction: 'right', legend: false })).toEqual({ view: 'calls', direction: 'RIGHT', legend: false });
    });

    test('a value that is not one of the choices falls back to the default, one setting at a time', () => {
        expect(optionsFromSettings({ view: 'every thing', direction: 'right', legend: 'no' })).toEqual({ view: 'all', direction: 'RIGHT', legend: true });
        expect(optionsFromSettings({ view: 'messaging', direction: 42 })).toEqual({ view: 'messaging', direction: 'DOWN', legend: true });
        expect(optionsFromSettings({ view: 7, direction: 'toString' })).toEqual(DEFAULT_OPTIONS);
    });
});

describe('a view named in the settings', () => {
    test('that is not a fixed filter names a view the file may declare, drawn instead of everything', () => {
        expect(optionsFromSettings({ view: 'context' })).toEqual({ ...DEFAULT_OPTIONS, named: 'context' });
        expect(properties['archsight.preview.view'].examples).toEqual(['all', 'calls', 'messaging', 'observability']);
        expect(new RegExp(properties['archsight.preview.view'].pattern).test('context')).toBe(true);
    });

    test('that is not an id is ignored', () => {
        for (const view of ['a view', '<b>', '', 'x'.repeat(300), 3]) expect(optionsFromSettings({ view })).toEqual(DEFAULT_OPTIONS);
    });
});
