/**
 * The language server never exits on an error it did not foresee (an I/O error while it
 * rebuilds documents, a failed request): it logs one line to stderr, which the editor
 * shows in the server's output channel, and goes on serving.
 */
export function logServerError(during: string, error: unknown): void {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    console.error(`Archsight language server: error during ${during}: ${message.replace(/\s+/g, ' ')}`);
}

/** Turns the process-wide fatal handlers into logged errors; only the server's entry calls this. */
export function keepServerAlive(): void {
    process.on('uncaughtException', error => logServerError('an event', error));
    process.on('unhandledRejection', reason => logServerError('an asynchronous step', reason));
}
