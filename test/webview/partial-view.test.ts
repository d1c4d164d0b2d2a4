// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { PartialViewNote } from '../../extension/webview/partial-view.js';

// The note in the corner of a preview that opened a drawing in part, at readable text
// (`openingViewport`): on a DOM (happy-dom). The real VS Code run is e2e scenario 10.

describe('the note that the diagram is shown in part', () => {
    test('shows with the zoom while an opening in part has not been seen whole, and its click shows all', () => {
        const stage = document.createElement('div');
        document.body.appendChild(stage);
        let shown = 0;
        const note = new PartialViewNote(stage, () => shown++);
        const button = stage.querySelector<HTMLButtonElement>('#partial-view')!;
        note.opened(false);
        note.update(false, 0.6923);
        expect(button.hidden).toBe(false);
        expect(button.textContent).toContain('69 %');
        button.click();
        expect(shown).toBe(1);
        // Seen whole (Fit, or zoomed out): gone, and zooming in again does not bring it back.
        note.update(true, 0.4);
        expect(button.hidden).toBe(true);
        note.update(false, 1.2);
        expect(button.hidden).toBe(true);
    });

    test('a drawing that opened whole has no note, even zoomed in', () => {
        const stage = document.createElement('div');
        const note = new PartialViewNote(stage, () => undefined);
        note.opened(true);
        note.update(false, 2);
        expect(stage.querySelector<HTMLButtonElement>('#partial-view')!.hidden).toBe(true);
    });
});
