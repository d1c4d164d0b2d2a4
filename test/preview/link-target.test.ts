import { describe, expect, test } from 'vitest';
import { fragmentLine, linkTarget } from '../../extension/src/preview/link-target.js';

describe('where a link clicked in the preview leads', () => {
    test('a web address is opened by VS Code as written', () => {
        expect(linkTarget('https://runbooks.example/orders?x=1#top')).toEqual({ kind: 'web', url: 'https://runbooks.example/orders?x=1#top' });
        expect(linkTarget('HTTP://grafana.local/')).toEqual({ kind: 'web', url: 'HTTP://grafana.local/' });
    });

    test('a relative path is a file beside the .arch file, decoded, with its fragment', () => {
        expect(linkTarget('docs/run%20book.md')).toEqual({ kind: 'file', path: 'docs/run book.md' });
        expect(linkTarget('../adr/0007.md?plain=1#L12')).toEqual({ kind: 'file', path: '../adr/0007.md', fragment: 'L12' });
        expect(fragmentLine('L12')).toBe(12);
        expect(fragmentLine('12')).toBe(12);
        expect(fragmentLine('usage')).toBeUndefined();
    });

    test('a path that cannot be read, or that is absolute once decoded, leads nowhere', () => {
        for (const href of ['%zz', '%2Fetc%2Fpasswd', '#only-a-fragment', 'a%00b']) expect(linkTarget(href), href).toBeUndefined();
    });
});
