/** Tarjan's algorithm, iterative so that a long chain cannot overflow the stack. */
export function stronglyConnected(ids: readonly string[], next: (id: string) => readonly string[]): string[][] {
    let counter = 0;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const onStack = new Set<string>();
    const stack: string[] = [];
    const result: string[][] = [];
    for (const root of ids) {
        if (index.has(root)) continue;
        const work: Array<{ id: string; successors: readonly string[]; i: number }> = [];
        const visit = (id: string) => {
            index.set(id, counter);
            low.set(id, counter++);
            stack.push(id);
            onStack.add(id);
            work.push({ id, successors: next(id), i: 0 });
        };
        visit(root);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            if (frame.i < frame.successors.length) {
                const w = frame.successors[frame.i++];
                if (!index.has(w)) visit(w);
                else if (onStack.has(w)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(w)!));
                continue;
            }
            work.pop();
            if (work.length > 0) {
                const parent = work[work.length - 1].id;
                low.set(parent, Math.min(low.get(parent)!, low.get(frame.id)!));
            }
            if (low.get(frame.id) === index.get(frame.id)) {
                const component: string[] = [];
                let w: string;
                do {
                    w = stack.pop()!;
                    onStack.delete(w);
                    component.push(w);
                } while (w !== frame.id);
                result.push(component);
            }
        }
    }
    return result;
}
