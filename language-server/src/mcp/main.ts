import { describeArgumentError } from '../cli/argument-errors.js';
import { runMcp } from '../cli/mcp-command.js';
import { processOutput } from '../cli/output.js';

// `archsight mcp [--help]`: bin/archsight.cjs loads this bundle for the command.
runMcp(process.argv.slice(3), processOutput).then(code => {
    process.exitCode = code;
}, error => {
    process.stderr.write(`archsight mcp: ${describeArgumentError(error, 'mcp') ?? (error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 2;
});
