import { describe, expect, test } from 'vitest';
import { describeFsError } from '../../language-server/src/cli/files.js';

describe('file system errors read as one clear line', () => {
    test.each([
        ['ENOENT', "No such file or folder: 'x.arch'."],
        ['EACCES', "Cannot read 'x.arch': permission denied."],
        ['EPERM', "Cannot read 'x.arch': permission denied."],
        ['ELOOP', "Cannot read 'x.arch': too many levels of symbolic links."],
        ['EISDIR', "'x.arch' is a folder, not a file."],
    ])('%s', (code, message) => {
        expect(describeFsError('x.arch', Object.assign(new Error('raw'), { code }))).toBe(message);
    });
});
