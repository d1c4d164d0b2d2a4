import { EmptyFileSystem } from 'langium';
import { clearDocuments, expectHover } from 'langium/test';
import { afterEach, describe, test } from 'vitest';
import { createArchServices } from '../../language-server/src/arch-module.js';

const services = createArchServices(EmptyFileSystem);
const hover = expectHover(services.Arch);

afterEach(() => clearDocuments(services.shared));

const SHOP = `architecture "Shop" {
  client web
  gateway edge
  service orders
  service pay
  service stock
  bus events
  web -> edge { timeout 3s }
  edge -> orders { timeout 2s }
  orders -> pay "authorize" { timeout 500ms retries 1 }
  orders -> stock { timeout 800ms }
  orders ~> events
  flow checkout "Place an <b>order</b>" {
    web -> edge
    edge -> orders
    orders -> pay "authorize"
    optional orders -> stock
    orders ~> events
  }
}`;

/** SHOP with the cursor marker at the `occurrence`-th `anchor`. */
function at(anchor: string, occurrence = 1, text = SHOP): string {
    let index = -1;
    for (let i = 0; i < occurrence; i++) index = text.indexOf(anchor, index + 1);
    return text.slice(0, index) + '<|>' + text.slice(index);
}

describe('hover on a flow', () => {
    test('on its name: every step with its worst case, and each budget with what the steps inside it take', async () => {
        await hover({
            text: at('checkout'),
            index: 0,
            hover: [
                '**flow** `checkout` — Place an &lt;b&gt;order&lt;/b&gt;',
                '',
                '- step 1: web \\-&gt; edge, worst case 3s',
                '- step 2: edge \\-&gt; orders, worst case 2s',
                '- step 3: orders \\-&gt; pay, worst case 2 attempts × 500ms = 1s',
                '- step 4: orders \\-&gt; stock (optional), worst case 800ms',
                '- step 5: orders \\~&gt; events, a message: the flow does not wait',
                '',
                '**Budgets** (worst case: timeout × attempts, one step after the other, parallel steps by the slowest)',
                '',
                '- step 1 (web \\-&gt; edge) waits 3s; the steps inside take up to 2s',
                '- step 2 (edge \\-&gt; orders) waits 2s; the steps inside take up to 1.8s',
            ].join('\n'),
            disposeAfterCheck: true,
        });
    });

    test('on a step\'s arrow: its worst case and how much of the budget it runs in is used when it answers', async () => {
        await hover({
            text: at('-> stock', 2),
            index: 0,
            hover: '**step 4: orders \\-&gt; stock (optional), worst case 800ms**; 1.8s of 2s used, the budget of step 2 (edge \\-&gt; orders)\n\nflow `checkout` — Place an &lt;b&gt;order&lt;/b&gt;',
            disposeAfterCheck: true,
        });
    });

    test('over budget, and a budget that cannot be computed, are said so', async () => {
        const over = SHOP.replace('timeout 800ms', 'timeout 1500ms');
        await hover({ text: at('-> stock', 2, over), index: 0, hover: /2.5s of 2s used, the budget of step 2 \(edge \\-&gt; orders\) — \*\*over budget\*\*/, disposeAfterCheck: true });
        await hover({ text: at('checkout', 1, over), index: 0, hover: /step 2 \(edge \\-&gt; orders\) waits 2s; the steps inside take up to 2.5s — \*\*over budget\*\*$/, disposeAfterCheck: true });
        const unknown = SHOP.replace('{ timeout 800ms }', '');
        await hover({ text: at('checkout', 1, unknown), index: 0, hover: /step 4: orders \\-&gt; stock \(optional\), worst case unknown \(timeout not known\)[\s\S]*waits 2s: the time of the steps inside cannot be computed \(one has no known worst case\)$/, disposeAfterCheck: true });
    });

    test('a flow without a known timeout says there is no budget to check', async () => {
        const text = SHOP.replace(/ \{ timeout [^}]*\}/g, '');
        await hover({ text: at('checkout', 1, text), index: 0, hover: /worst case unknown \(timeout not known\)[\s\S]*No step with a known timeout has steps inside it: no budget to check\.$/, disposeAfterCheck: true });
    });

    test('on a step\'s ends: the element\'s card, as anywhere else', async () => {
        await hover({ text: at('pay "authorize"', 2), index: 0, hover: /^\*\*service\*\* `pay`/, disposeAfterCheck: true });
    });
});
