import { EmptyFileSystem } from 'langium';
import { clearDocuments, expectHover } from 'langium/test';
import { afterEach, describe, test } from 'vitest';
import { createArchServices } from '../../language-server/src/arch-module.js';

const services = createArchServices(EmptyFileSystem);
const hover = expectHover(services.Arch);

afterEach(() => clearDocuments(services.shared));

const SHOP = `architecture "Shop" {
  client web "Web <b>shop</b>" : browser
  gateway edge : kong
  system shop {
    service orders "Order Service" : go { replicas 3 exposure internal }
    service payments : java {
      sidecar envoy : envoy { timeout 1s retries 2 }
    }
  }
  bus events : kafka
  metrics prom : prometheus
  web -> edge : https
  edge -> orders : rest { timeout 2s breaker }
  orders -> payments : grpc
  orders ~> events "OrderPlaced"
  orders ..> prom
}`;

/** SHOP with the cursor marker at the `occurrence`-th `anchor`. */
function at(anchor: string, occurrence = 1): string {
    let index = -1;
    for (let i = 0; i < occurrence; i++) index = SHOP.indexOf(anchor, index + 1);
    return SHOP.slice(0, index) + '<|>' + SHOP.slice(index);
}

describe('hover on an element', () => {
    test('where it is declared: kind, label, technology, properties, group, relations in and out', async () => {
        await hover({
            text: at('orders "'),
            index: 0,
            hover: [
                '**service** `orders` — Order Service : go',
                '',
                '*A deployable service with its own process.*',
                '',
                'Properties: replicas 3, exposure internal  ',
                'Inside: system `shop`  ',
                'Out: → `payments` (grpc), ~> `events`, ..> `prom` (metrics)  ',
                'In: ← `edge` (rest)',
            ].join('\n'),
            disposeAfterCheck: true,
        });
    });

    test('where it is referenced: the same card', async () => {
        await hover({ text: at('payments : grpc'), index: 0, hover: /^\*\*service\*\* `payments` : java[\s\S]*Sidecars: `envoy`[\s\S]*In: ← `orders` \(grpc\)$/, disposeAfterCheck: true });
    });

    test('labels are escaped so they cannot inject markup', async () => {
        await hover({ text: at('web "'), index: 0, hover: /^\*\*client\*\* `web` — Web &lt;b&gt;shop&lt;\/b&gt; : browser/, disposeAfterCheck: true });
    });

    test('a group lists its members', async () => {
        await hover({ text: at('shop {'), index: 0, hover: /^\*\*system\*\* `shop`[\s\S]*Members: `orders`, `payments`$/, disposeAfterCheck: true });
    });
});

describe('hover on a relation arrow', () => {
    test('a call with its own policies', async () => {
        await hover({ text: at('-> orders'), index: 0, hover: '**Synchronous call** `edge` → `orders` : rest\n\nPolicies: timeout 2s, breaker', disposeAfterCheck: true });
    });

    test('a call without policies says so', async () => {
        await hover({ text: at('-> edge'), index: 0, hover: '**Synchronous call** `web` → `edge` : https\n\nPolicies: none (no timeout, retries or circuit breaker)', disposeAfterCheck: true });
    });

    test('a call from a service with a sidecar gets the sidecar policies', async () => {
        const text = SHOP.replace('orders ..> prom', 'orders ..> prom\n  payments <|>-> orders');
        await hover({ text, index: 0, hover: /Policies from sidecar `envoy`: timeout 1s, retries 2$/, disposeAfterCheck: true });
    });

    test('a message and an observability link with its signal', async () => {
        await hover({ text: at('~>'), index: 0, hover: '**Asynchronous message** `orders` ~> `events` "OrderPlaced"', disposeAfterCheck: true });
        await hover({ text: at('..>'), index: 0, hover: '**Observability link** `orders` ..> `prom`\n\nSignal: metrics', disposeAfterCheck: true });
    });
});

describe('hover on a keyword', () => {
    test('a kind shows its summary', async () => {
        await hover({ text: at('gateway'), index: 0, hover: '**gateway** — element kind\n\nAn API gateway or edge proxy: the single entry point for clients.', disposeAfterCheck: true });
    });

    test('a property key shows its documentation, value type and where it applies', async () => {
        await hover({ text: at('timeout'), index: 0, hover: /^\*\*timeout\*\* — property: a duration[\s\S]*How long a caller waits[\s\S]*Applies to relations, `sidecar`/, disposeAfterCheck: true });
    });

    test('a word value shows the property it belongs to, even when it is also a kind', async () => {
        await hover({ text: 'service a { discovery <|>mesh }', index: 0, hover: /^\*\*mesh\*\* — value of `discovery`\n\nHow callers find it/, disposeAfterCheck: true });
        await hover({ text: 'collector c { signal <|>traces }', index: 0, hover: /^\*\*traces\*\* — value of `signal`/, disposeAfterCheck: true });
    });

    test('other keywords show the grammar documentation', async () => {
        await hover({ text: 'architecture "S" {\n  function f { <|>trigger t }\n  timer t\n}', index: 0, hover: /^\*\*trigger\*\* — keyword\n\nIn a function: the element whose events start it/, disposeAfterCheck: true });
    });
});
