#!/usr/bin/env node
'use strict';
// The CLI ships as one bundle, built by `npm install` (prepare) or `npm run build`.
try {
    require.resolve('../out/cli.cjs');
} catch {
    process.stderr.write('archsight: the CLI is not built yet. Run `npm install` or `npm run build` first.\n');
    process.exit(2);
}
require('../out/cli.cjs');
