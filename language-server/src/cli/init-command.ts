import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { describeFsError, UsageError } from './files.js';
import type { Output } from './output.js';

export const INIT_HELP = `Usage: archsight init [folder]

Starts an architecture in a folder (default: the current one): an archsight.config.json
and a starter model, architecture.arch. Existing files are left as they are.
`;

const CONFIG = `{
  "$schema": "https://raw.githubusercontent.com/archsight/archsight/main/schemas/archsight.config.schema.json",
  "rules": {
    "missing-timeout": "warning",
    "deep-sync-chain": { "severity": "warning", "maxDepth": 4 }
  }
}
`;

const STARTER = `// A first architecture: run \`archsight check architecture.arch\`, or open it in VS Code
// with the Archsight extension for the live diagram.
architecture "My system" {
  system shop {
    gateway api
    service orders
    service payments
    database ordersDb
  }

  api -> orders "places orders" {
    timeout 3s
  }
  orders -> payments "charges" {
    timeout 2s
  }
  orders -> ordersDb
}
`;

export async function runInit(args: string[], io: Output): Promise<number> {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
        io.out(INIT_HELP);
        return 0;
    }
    if (positionals.length > 1) throw new UsageError('Give at most one folder to initialise.');
    const folder = path.resolve(process.cwd(), positionals[0] ?? '.');
    try {
        await fs.mkdir(folder, { recursive: true });
    } catch (error) {
        throw new UsageError(describeFsError(positionals[0] ?? '.', error).replace('Cannot read', 'Cannot create'));
    }
    for (const [name, text] of [['archsight.config.json', CONFIG], ['architecture.arch', STARTER]] as const) {
        const file = path.join(folder, name);
        const display = path.relative(process.cwd(), file) || name;
        try {
            await fs.writeFile(file, text, { flag: 'wx' });
            io.out(`created ${display}\n`);
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new UsageError(describeFsError(display, error).replace('Cannot read', 'Cannot write'));
            io.out(`kept ${display} (it exists)\n`);
        }
    }
    return 0;
}
