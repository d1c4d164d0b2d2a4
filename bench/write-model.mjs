// Writes a generated architecture into a folder of its own under the system's temp folder.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateModel } from './generate-model.mjs';

export function writeModel(size) {
    const dir = path.join(tmpdir(), `archsight-bench-${size}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const model = generateModel(size);
    for (const [name, text] of Object.entries(model.files)) writeFileSync(path.join(dir, name), text);
    return { dir, ...model };
}
