'use strict';
// Loads a CommonJS bundle with V8's code cache beside it (`<bundle>.cache`). Compiling the
// 1.6 MB CLI bundle, and the functions it compiles lazily while it runs, is about a tenth of
// `archsight check` on 1,000 elements; with the cache V8 takes the bytecode as it is.
// Node 22 has `module.enableCompileCache()` for this; Node 20, which we support, does not.
//
// The build writes the cache with a representative run (scripts/code-cache.mjs). When the
// cache is missing or V8 rejects it (another Node version), this run writes a new one as it
// exits, if it may write there; a cache that cannot be read or written costs only speed.
// The ELK layout thread (language-server/src/diagram/elk-worker.cjs) loads ELK the same way.
const { readFileSync, renameSync, unlinkSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

/**
 * Compiles `file` as a CommonJS module's wrapper with the cache beside it. `stale`: there
 * was no cache or V8 rejected it, so the caller should write one (`writeCache`) once the
 * functions it needs have been compiled.
 */
function compileWithCache(file) {
    const cacheFile = `${file}.cache`;
    let cachedData;
    try {
        cachedData = readFileSync(cacheFile);
    } catch {
        // No cache yet.
    }
    const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
    return { script, cacheFile, stale: cachedData === undefined || script.cachedDataRejected };
}

/** Runs `file` as the main program's module, as `require(file)` would; a stale cache is written on exit. */
function requireWithCodeCache(file) {
    const { script, cacheFile, stale } = compileWithCache(file);
    if (stale) process.once('exit', () => writeCache(cacheFile, script));
    const bundle = new Module(file, module);
    bundle.filename = file;
    bundle.paths = Module._nodeModulePaths(path.dirname(file));
    const localRequire = id => bundle.require(id);
    localRequire.resolve = (request, options) => Module._resolveFilename(request, bundle, false, options);
    localRequire.main = require.main;
    localRequire.cache = Module._cache;
    script.runInThisContext().call(bundle.exports, bundle.exports, localRequire, bundle, file, path.dirname(file));
    bundle.loaded = true;
    return bundle.exports;
}

function writeCache(cacheFile, script) {
    // Written aside and renamed, so that a process starting meanwhile never reads half a cache
    // (threads of one process share its pid: the name also takes the time and a random part).
    const partial = `${cacheFile}.${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    try {
        writeFileSync(partial, script.createCachedData());
        renameSync(partial, cacheFile);
    } catch {
        try {
            unlinkSync(partial);
        } catch {
            // Nothing was written.
        }
    }
}

module.exports = { compileWithCache, requireWithCodeCache, writeCache };
