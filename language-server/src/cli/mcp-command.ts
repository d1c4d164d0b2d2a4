import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { parseArgs } from 'node:util';
import { createMcpServer } from '../mcp/mcp-server.js';
import type { Output } from './output.js';

export const MCP_HELP = `Usage: archsight mcp

Starts an MCP server on standard input and output, for coding assistants. Tools: check,
list_elements, list_relations, blast_radius, explain_finding, render_view. Paths are
relative to the folder it runs in.
`;

/** Serves MCP over stdio until the client closes the connection. */
export async function runMcp(args: string[], io: Output): Promise<number> {
    const { values } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
        io.out(MCP_HELP);
        return 0;
    }
    const server = createMcpServer();
    const transport = new StdioServerTransport();
    const closed = new Promise<void>(resolve => {
        transport.onclose = resolve;
        process.stdin.once('end', resolve);
    });
    await server.connect(transport);
    await closed;
    await server.close().catch(() => undefined);
    return 0;
}
