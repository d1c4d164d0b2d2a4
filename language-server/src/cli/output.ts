/** Where a command writes; tests pass buffers, `main` passes the process streams. */
export interface Output {
    out(text: string): void;
    err(text: string): void;
    /** Whether `out` is a terminal (colour is on by default there). */
    readonly isTTY?: boolean;
}

export const processOutput: Output = {
    out: text => process.stdout.write(text),
    err: text => process.stderr.write(text),
    get isTTY() {
        return process.stdout.isTTY === true;
    },
};
