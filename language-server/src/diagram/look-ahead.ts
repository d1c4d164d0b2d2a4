/**
 * Works out what comes next (the next levels of detail, `diagram-generator.ts`), one item
 * per turn of the event loop, while a layout runs in its thread and this one would only
 * wait. When the level laid out does not read, the levels after it are guessed one by one
 * before the next layout; on a generated 200-element model, working out the 24 skipped
 * after the first layout took 0.1 s between two layouts, now mostly done during the first.
 * It stops when the layout is done; an item that fails is left to the caller, which meets
 * it again and reports its error.
 */
export function lookAhead(layout: Promise<unknown>, from: number, to: number, prepare: (i: number) => unknown): void {
    let done = false;
    const stop = () => {
        done = true;
    };
    layout.then(stop, stop);
    void (async () => {
        for (let i = from; i < to; i++) {
            await nextTurn();
            if (done) return;
            try {
                prepare(i);
            } catch {
                return;
            }
        }
    })();
}

/**
 * Lets the language server answer what came in meanwhile (hover, completion, the next
 * edit) between the stages of a large diagram, each of which takes tens of milliseconds.
 */
export function nextTurn(): Promise<void> {
    return new Promise(resolve => setImmediate(resolve));
}
