#!/usr/bin/env node
'use strict';
// The CLI ships as one bundle, built by `npm install` (prepare) or `npm run build`.
const path = require('node:path');
const { requireWithCodeCache } = require('./code-cache.cjs');

const bundle = path.join(__dirname, '../out/cli.cjs');
try {
    require.resolve(bundle);
} catch {
    process.stderr.write('archsight: the CLI is not built yet. Run `npm install` or `npm run build` first.\n');
    process.exit(2);
}
requireWithCodeCache(bundle);
