import { constants, promises as fs } from 'node:fs';
import type { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { decodeSource, MAX_IMPORT_BYTES, SourceProblem, tooLarge } from './source-text.js';

/**
 * The file system as the server and the CLI read `.arch` files through it (workspace
 * scan, imports, rebuilds): only regular files, at most `limit` bytes read however large
 * the file (a 500 MB import costs 1 MB), UTF-8 text without NUL. Failures throw a
 * `SourceProblem` or the file system's error; the document factory turns them into text.
 */
export class ArchFileSystemProvider extends NodeFileSystemProvider {
    constructor(private readonly limit = MAX_IMPORT_BYTES) {
        super();
    }

    override async readFile(uri: URI): Promise<string> {
        // Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever.
        const handle = await fs.open(uri.fsPath, constants.O_RDONLY | constants.O_NONBLOCK);
        try {
            const stat = await handle.stat();
            if (!stat.isFile()) throw new SourceProblem(stat.isDirectory() ? 'is a folder, not a file' : 'is not a regular file');
            if (stat.size > this.limit) throw tooLarge(stat.size, this.limit);
            // The file may grow after the stat: read in chunks, one byte past the limit at most.
            const chunks: Buffer[] = [];
            let length = 0;
            for (;;) {
                const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, this.limit + 1 - length));
                const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
                if (bytesRead === 0) break;
                chunks.push(chunk.subarray(0, bytesRead));
                length += bytesRead;
                if (length > this.limit) throw tooLarge(Math.max(length, stat.size), this.limit);
            }
            return decodeSource(Buffer.concat(chunks, length));
        } finally {
            await handle.close();
        }
    }
}

/** The context `createArchServices` takes: this file system instead of Langium's plain one. */
export const ArchFileSystem = { fileSystemProvider: () => new ArchFileSystemProvider() };
