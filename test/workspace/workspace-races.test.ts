import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { URI, type FileSystemNode } from 'langium';
import { describe, expect, test } from 'vitest';
import { createArchServices } from '../../language-server/src/arch-module.js';
import { ArchFileSystem, ArchFileSystemProvider } from '../../language-server/src/workspace/arch-file-system.js';

// The server reads files while editors open them and requests arrive: a document may be
// added while its file is read, and a file listed by the workspace scan may be gone when it
// is read. Either used to fail the scan, and every request that waits for the workspace
// (the preview's diagram) then waited for ever.

function folderWith(files: Record<string, string>): string {
    const folder = mkdtempSync(path.join(tmpdir(), 'archsight-races-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
    return folder;
}

/** Lists one more `.arch` file than the folder holds: deleted after the listing, before the read. */
class ListsAGoneFile extends ArchFileSystemProvider {
    override async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        const entries = await super.readDirectory(uri);
        return [...entries, { uri: URI.file(path.join(uri.fsPath, 'gone.arch')), isFile: true, isDirectory: false }];
    }
}

describe('documents and the workspace scan under races', () => {
    test('a document added while its file is read is the one returned, and nothing throws', async () => {
        const folder = folderWith({ 'a.arch': 'service fromDisk\n' });
        const { shared } = createArchServices(ArchFileSystem);
        const documents = shared.workspace.LangiumDocuments;
        const uri = URI.file(path.join(folder, 'a.arch'));
        const reading = documents.getOrCreateDocument(uri);
        // An editor opens the file meanwhile, with text of its own.
        const opened = shared.workspace.LangiumDocumentFactory.fromString('service fromEditor\n', uri);
        documents.addDocument(opened);
        await expect(reading).resolves.toBe(opened);
        expect(documents.getDocument(uri)).toBe(opened);
        // Near miss: with nothing added meanwhile, the file is read and added.
        const other = URI.file(path.join(folder, 'b.arch'));
        writeFileSync(other.fsPath, 'service b\n');
        const read = await documents.getOrCreateDocument(other);
        expect([read.textDocument.getText(), documents.getDocument(other)]).toEqual(['service b\n', read]);
    });

    test('the workspace scan leaves out a file gone since the folder was listed, and the workspace becomes ready', async () => {
        const folder = folderWith({ 'a.arch': 'service a\n' });
        const { shared } = createArchServices({ fileSystemProvider: () => new ListsAGoneFile() });
        const manager = shared.workspace.WorkspaceManager;
        await manager.initializeWorkspace([{ uri: URI.file(folder).toString(), name: 'w' }]);
        await expect(manager.ready).resolves.toBeUndefined();
        const loaded = shared.workspace.LangiumDocuments.all.map(d => path.basename(d.uri.fsPath)).toArray();
        expect(loaded).toEqual(['a.arch']);
    });
});
