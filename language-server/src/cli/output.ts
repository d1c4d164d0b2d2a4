/** Where a command writes; tests pass buffers, `main` passes the process streams. */
export interface Output {
    out(text: string): void;
    err(text: string): void;
    /** Binary output (a PNG written to standard output). */
    bytes?(data: Uint8Array): void;
    /** Whether `out` is a terminal (colour is on by default there). */
    readonly isTTY?: boolean;
}

export const processOutput: Output = {
    out: text => process.stdout.write(text),
    err: text => process.stderr.write(text),
    bytes: data => process.stdout.write(data),
    get isTTY() {
        return process.stdout.isTTY === true;
    },
};
