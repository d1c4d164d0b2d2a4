import * as path from 'node:path';
import type { LangiumSharedServices } from 'langium/lsp';
import type { ArchServices } from '../arch-module.js';
import { DiskLayoutStore } from '../diagram/layout-store.js';
import type { ServerInitOptions } from '../protocol.js';

/** The layouts kept for the editor: about the files of a few workspaces, a few megabytes. */
export const EDITOR_CACHE_ENTRIES = 300;

/**
 * Keeps the preview's layouts on disk when the extension names a folder for them
 * (`ServerInitOptions.layoutCache`): the first preview of a file opened again, in this
 * session or the next, is drawn without ELK. Each layout is keyed by its graph, so an
 * edited file simply finds no entry. Old entries are pruned when the server starts.
 */
export function registerLayoutCache(shared: LangiumSharedServices): void {
    shared.lsp.LanguageServer.onInitialize(params => {
        const folder = (params.initializationOptions as ServerInitOptions | undefined)?.layoutCache;
        if (typeof folder !== 'string' || !path.isAbsolute(folder)) return;
        const store = new DiskLayoutStore(folder);
        for (const services of shared.ServiceRegistry.all) {
            if ('diagram' in services) (services as ArchServices).diagram.DiagramGenerator.useLayoutStore(store);
        }
        void store.prune(EDITOR_CACHE_ENTRIES);
    });
}
