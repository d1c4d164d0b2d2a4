import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { blastRadius } from '../analysis/blast-radius.js';
import { UsageError } from '../cli/files.js';
import { formatText } from '../cli/format-text.js';
import { toMermaid } from '../export/mermaid.js';
import { modelToJson } from '../export/model-json.js';
import { documentFindings, explainFindings } from '../rules/explain-findings.js';
import { diffArchitectures } from './diff-tool.js';
import { loadFile } from './model-session.js';

declare const ARCHSIGHT_VERSION: string;

type ToolResult = { content: Array<{ type: 'text'; text: string }>; isError?: boolean };

const text = (value: string): ToolResult => ({ content: [{ type: 'text', text: value }] });
const json = (value: unknown): ToolResult => text(JSON.stringify(value, null, 2));

/** A tool's failure as its result (MCP's `isError`), so the assistant reads what went wrong. */
async function answer(work: () => Promise<ToolResult>): Promise<ToolResult> {
    try {
        return await work();
    } catch (error) {
        const message = error instanceof UsageError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
        return { content: [{ type: 'text', text: message }], isError: true };
    }
}

const file = z.string().describe('Path of a .arch file, absolute or relative to the folder the server runs in');

/**
 * The Archsight MCP server: coding assistants check a file, read its elements and
 * relations, ask what fails with an element, have a finding explained, draw a view and
 * compare two versions.
 * Every tool reads the file anew; nothing is written.
 */
export function createMcpServer(cwd: string = process.cwd()): McpServer {
    const server = new McpServer({ name: 'archsight', version: typeof ARCHSIGHT_VERSION === 'string' ? ARCHSIGHT_VERSION : 'dev' });
    const readOnly = { readOnlyHint: true, openWorldHint: false };

    server.registerTool('check', {
        description: 'Check a .arch file (syntax, references, architecture rules) and list its problems as file:line:col  severity  message  [rule].',
        inputSchema: { file }, annotations: readOnly,
    }, ({ file: name }) => answer(async () => {
        const loaded = await loadFile(name, cwd);
        return text(formatText(loaded.diagnostics, 1));
    }));

    server.registerTool('list_elements', {
        description: 'The elements (services, databases, buses, …) and groups of a .arch file, with kind, label, technology, group and properties.',
        inputSchema: { file }, annotations: readOnly,
    }, ({ file: name }) => answer(async () => {
        const model = modelToJson((await loadFile(name, cwd)).model);
        return json({ title: model.title, elements: model.elements, groups: model.groups });
    }));

    server.registerTool('list_relations', {
        description: 'The relations of a .arch file: calls (sync), messages (async), observability links and triggers, with protocol and properties.',
        inputSchema: { file }, annotations: readOnly,
    }, ({ file: name }) => answer(async () => json(modelToJson((await loadFile(name, cwd)).model).relations)));

    server.registerTool('blast_radius', {
        description: 'What fails when an element (or a group) fails, nearest first, following synchronous calls that no circuit breaker guards.',
        inputSchema: { file, element: z.string().describe('Id of an element or group') }, annotations: readOnly,
    }, ({ file: name, element }) => answer(async () => {
        const { model } = await loadFile(name, cwd);
        if (!model.elements.has(element) && !model.groups.has(element)) throw new UsageError(`There is no element or group '${element}' in '${name}'.`);
        return json({ element, fails: blastRadius(model, element) });
    }));

    server.registerTool('explain_finding', {
        description: 'Explain the architecture rules\' findings on an element, group or relation id: what the rule found, why it matters, how to fix it.',
        inputSchema: { file, id: z.string().describe('Id of an element, group or relation') }, annotations: readOnly,
    }, ({ file: name, id }) => answer(async () => {
        const loaded = await loadFile(name, cwd);
        const explained = explainFindings(loaded.model, id, await documentFindings(loaded.services, loaded.document));
        return text(explained ?? `No rule finds anything on '${id}'.`);
    }));

    server.registerTool('render_view', {
        description: 'Draw a view of a .arch file as the VS Code preview does: SVG, or a Mermaid flowchart to show in Markdown.',
        inputSchema: {
            file,
            format: z.enum(['mermaid', 'svg']).default('mermaid'),
            view: z.enum(['all', 'calls', 'messaging', 'observability']).default('all'),
            focus: z.string().optional().describe('Draw only this element or group and its neighbours'),
            direction: z.enum(['right', 'down']).default('right'),
        },
        annotations: readOnly,
    }, ({ file: name, format, view, focus, direction }) => answer(async () => {
        const { services, model } = await loadFile(name, cwd);
        if (focus !== undefined && !model.elements.has(focus) && !model.groups.has(focus)) throw new UsageError(`There is no element or group '${focus}' in '${name}'.`);
        const options = { view, focus, direction: direction === 'down' ? 'DOWN' : 'RIGHT', theme: 'light', legend: false } as const;
        const generator = services.diagram.DiagramGenerator;
        return text(format === 'svg' ? (await generator.generate(model, options)).svg : toMermaid(await generator.layout(model, options), model, options.direction));
    }));

    server.registerTool('diff', {
        description: 'Compare two versions of an architecture: elements, groups and relations added, removed, renamed, moved and changed, the findings the change introduces and fixes, and the blast radii it changes. Each side is a .arch file, a folder or a git revision; without `new`, a revision is compared with the working tree.',
        inputSchema: {
            old: z.string().describe('The old version: a .arch file, a folder or a git revision (such as main or HEAD~1)'),
            new: z.string().optional().describe('The new version: a .arch file, a folder or a git revision (default: the working tree)'),
            format: z.enum(['text', 'markdown', 'json']).default('text'),
        },
        annotations: readOnly,
    }, ({ old, new: now, format }) => answer(async () => text(await diffArchitectures(old, now, format, cwd))));

    return server;
}
