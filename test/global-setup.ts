import { execFileSync } from 'node:child_process';

/** The CLI tests run the built bundle, so bundle once before any test file runs. */
export default function setup(): void {
    execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' });
}
