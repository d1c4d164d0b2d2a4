import { describe, expect, test } from 'vitest';
import { nameLines } from '../../language-server/src/flows/sequence-participants.js';

describe('a participant\'s name in a sequence diagram', () => {
    test('an id-like word too wide for a line breaks before a capital', () => {
        expect(nameLines('sendConfirmation')).toEqual(['send', 'Confirmation']);
        expect(nameLines('createUploadUrl')).toEqual(['create', 'UploadUrl']);
    });

    test('a word that fits stays whole; words wrap at spaces first', () => {
        expect(nameLines('placeOrder')).toEqual(['placeOrder']);
        expect(nameLines('Photos table')).toEqual(['Photos table']);
        expect(nameLines('Online banking customer')).toEqual(['Online', 'banking', 'customer']);
    });

    test('past three lines the last one is cut with an ellipsis', () => {
        const lines = nameLines('one two three four five six seven eight nine ten');
        expect(lines).toHaveLength(3);
        expect(lines[2].endsWith('…')).toBe(true);
    });
});
