import { CHECKS } from './language-checks.js';

/**
 * Entry point that VS Code's extension host calls (`--extensionTestsPath`): runs each
 * check in order, prints one line per check, and fails if any failed.
 */
export async function run(): Promise<void> {
    const failures: string[] = [];
    for (const [name, check] of Object.entries(CHECKS)) {
        try {
            await check();
            console.log(`  ✓ ${name}`);
        } catch (error) {
            console.log(`  × ${name}\n${error instanceof Error ? error.stack ?? error.message : String(error)}`);
            failures.push(name);
        }
    }
    const passed = Object.keys(CHECKS).length - failures.length;
    console.log(`${passed} passed, ${failures.length} failed`);
    if (failures.length > 0) throw new Error(`${failures.length} check(s) failed: ${failures.join('; ')}`);
}
