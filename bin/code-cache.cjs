'use strict';
// Loads a CommonJS bundle with V8's code cache beside it (`<bundle>.cache`). Compiling the
// 1.6 MB CLI bundle, and the functions it compiles lazily while it runs, is about a tenth of
// `archsight check` on 1,000 elements; with the cache V8 takes the bytecode as it is.
// Node 22 has `module.enableCompileCache()` for this; Node 20, which we support, does not.
//
// The build writes the cache with a representative run (scripts/code-cache.mjs). When the
// cache is missing or V8 rejects it (another Node version), this run writes a new one as it
// exits, if it may write there; a cache that cannot be read or written costs only speed.
const { readFileSync, renameSync, unlinkSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

/** Runs `file` as the main program's module, as `require(file)` would. */
function requireWithCodeCache(file) {
    const cacheFile = `${file}.cache`;
    const source = readFileSync(file, 'utf8');
    let cachedData;
    try {
        cachedData = readFileSync(cacheFile);
    } catch {
        // No cache yet: compile from source and write one on exit.
    }
    const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) {
        process.once('exit', () => writeCache(cacheFile, script));
    }
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
    // Written aside and renamed, so that a process starting meanwhile never reads half a cache.
    const partial = `${cacheFile}.${process.pid}`;
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

module.exports = { requireWithCodeCache };
