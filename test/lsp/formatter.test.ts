import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, TextDocument } from 'langium';
import { clearDocuments, expectFormatting, parseHelper } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { createArchServices } from '../../language-server/src/arch-module.js';

const services = createArchServices(EmptyFileSystem);
const expectFormatted = expectFormatting(services.Arch);
const parse = parseHelper(services.Arch);

afterEach(() => clearDocuments(services.shared));

async function format(text: string): Promise<string> {
    const document = await parse(text);
    expect(document.parseResult.parserErrors).toEqual([]);
    const edits = await services.Arch.lsp.Formatter!.formatDocument(document, {
        textDocument: { uri: document.uri.toString() },
        options: { tabSize: 4, insertSpaces: false },
    });
    return TextDocument.applyEdits(document.textDocument, edits);
}

/** Every token and comment, without the whitespace between them: what formatting must not change. */
function tokens(text: string): string[] {
    const { tokens, hidden } = services.Arch.parser.Lexer.tokenize(text);
    return [...tokens, ...hidden].sort((a, b) => a.startOffset - b.startOffset).map(t => t.image.replace(/\n\s*/g, '\n'));
}

const MESSY = `// The shop.
import   "common.arch"
import "ops.arch"
architecture   "Shop"{
client web"Web":browser
      gateway edge:kong{replicas 3   exposure public}
  service orders "Order Service" : spring-boot {
  replicas 3
      health "/healthz"


  sidecar envoy:envoy{ timeout 1s }
  }
system shop{


      // Checkout and everything it needs.
  service cart
  database cartDb : redis { owner cart }
   }
web->edge:https
edge   ->  orders : rest "POST /orders" {timeout 2s retries 2 breaker}
  orders~>shop // publish
  /* Spans and
     metrics. */
  service idle {   }
}


`;

const CANONICAL = `// The shop.
import "common.arch"
import "ops.arch"
architecture "Shop" {
  client web "Web" : browser
  gateway edge : kong { replicas 3 exposure public }
  service orders "Order Service" : spring-boot {
    replicas 3
    health "/healthz"

    sidecar envoy : envoy { timeout 1s }
  }
  system shop {

    // Checkout and everything it needs.
    service cart
    database cartDb : redis { owner cart }
  }
  web -> edge : https
  edge -> orders : rest "POST /orders" { timeout 2s retries 2 breaker }
  orders ~> shop // publish
  /* Spans and
     metrics. */
  service idle {}
}
`;

describe('canonical style', () => {
    test('a messy file gets two-space indentation, single spaces, one member per line and at most one blank line', async () => {
        await expectFormatted({ before: MESSY, after: CANONICAL, disposeAfterCheck: true });
    });

    test('two spaces whatever the editor asks for', async () => {
        expect(await format('architecture "S" {\nservice a\n}\n')).toBe('architecture "S" {\n  service a\n}\n');
    });

    test('a one-line body of properties stays on one line; written over lines it stays open', async () => {
        const text = 'service a { replicas 2 }\nservice b {\nreplicas 2\n}\n';
        expect(await format(text)).toBe('service a { replicas 2 }\nservice b {\n  replicas 2\n}\n');
    });

    test('a body with a nested declaration is opened even when written on one line', async () => {
        expect(await format('service a { replicas 2 sidecar s }\n')).toBe('service a {\n  replicas 2\n  sidecar s\n}\n');
    });

    test('a comment alone in a body keeps its own line, indented like a member', async () => {
        expect(await format('system s {\n// to do\n}\nservice a { replicas 2 } // one is not enough\n')).toBe('system s {\n  // to do\n}\nservice a { replicas 2 } // one is not enough\n');
    });

    test('spaces on a blank line before a comment go, the blank line stays', async () => {
        expect(await format('architecture "x" {\n  service a\n  service b\n    \n  // c\n  a -> b\n}\n'))
            .toBe('architecture "x" {\n  service a\n  service b\n\n  // c\n  a -> b\n}\n');
    });

    test('nested groups indent level by level', async () => {
        const text = 'mesh m {\ncontrol-plane cp {\ncomponent pilot {\nreplicas 2\n}\n}\n}\n';
        expect(await format(text)).toBe('mesh m {\n  control-plane cp {\n    component pilot {\n      replicas 2\n    }\n  }\n}\n');
    });

    test('formatting keeps every token and comment', async () => {
        expect(tokens(await format(MESSY))).toEqual(tokens(MESSY));
    });

    test('formatting twice changes nothing', async () => {
        const once = await format(MESSY);
        expect(await format(once)).toBe(once);
    });
});

describe('samples are formatted and stay so', () => {
    const root = path.resolve(__dirname, '../../samples');
    const samples = (readdirSync(root, { recursive: true }) as string[]).filter(f => f.endsWith('.arch')).sort();

    test('there are samples to check', () => {
        expect(samples.length).toBeGreaterThan(0);
    });

    test.each(samples)('%s: idempotent and keeps its tokens', async (file) => {
        const text = readFileSync(path.join(root, file), 'utf8');
        const once = await format(text);
        expect(tokens(once)).toEqual(tokens(text));
        expect(await format(once)).toBe(once);
    });
});
