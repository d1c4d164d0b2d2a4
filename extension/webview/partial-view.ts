/**
 * A small note in the corner of the stage while a drawing that opened at the readable zoom
 * (`openingViewport`) is shown only in part: it says so and, clicked, shows it all (Fit).
 * It goes once the whole drawing is in view, and comes back only with the next drawing
 * that opens in part, so that zooming in by choice does not bring it up.
 */
export class PartialViewNote {
    private readonly note: HTMLButtonElement;
    private armed = false;

    constructor(stage: HTMLElement, showAll: () => void) {
        this.note = stage.ownerDocument.createElement('button');
        this.note.id = 'partial-view';
        this.note.hidden = true;
        this.note.title = 'The diagram is larger than the pane: it opened at the zoom where its labels read. Fit (F) shows all of it, smaller.';
        // Not a pan: the stage captures the pointer for dragging.
        this.note.addEventListener('pointerdown', event => event.stopPropagation());
        this.note.addEventListener('click', () => showAll());
        stage.appendChild(this.note);
    }

    /** A drawing opened: `fitted` it is whole, else in part at `zoom`. */
    opened(fitted: boolean): void {
        this.armed = !fitted;
    }

    /** The viewport changed: the note shows while an opening in part has not yet been seen whole. */
    update(whole: boolean, zoom: number): void {
        if (whole) this.armed = false;
        this.note.hidden = !this.armed;
        if (this.armed) this.note.textContent = `Part of the diagram, at ${Math.round(zoom * 100)} % for readable text · Show all`;
    }
}
