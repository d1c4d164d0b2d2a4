import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { beforeAll, describe, expect, test } from 'vitest';
import { createArchServices } from '../../language-server/src/arch-module.js';
import { callPolicy } from '../../language-server/src/rules/analysis/call-policy.js';
import { BUILTIN_RULES } from '../../language-server/src/rules/rule-registry.js';
import { diagnosticsOf } from './rule-test-kit.js';

const SAMPLES = path.resolve(__dirname, '../../samples');
const ruleIds = new Set(BUILTIN_RULES.map(r => r.id));
const services = createArchServices(NodeFileSystem);
const documents = new Map<string, LangiumDocument>();

beforeAll(async () => {
    const files: string[] = [];
    const walk = (dir: string) => {
        for (const name of readdirSync(dir).sort()) {
            const file = path.join(dir, name);
            if (statSync(file).isDirectory()) walk(file);
            else if (file.endsWith('.arch')) files.push(file);
        }
    };
    walk(SAMPLES);
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const docs = files.map(file => {
        const doc = LangiumDocumentFactory.fromString(readFileSync(file, 'utf8'), URI.file(file));
        LangiumDocuments.addDocument(doc);
        documents.set(path.relative(SAMPLES, file).split(path.sep).join('/'), doc);
        return doc;
    });
    await DocumentBuilder.build(docs, { validation: true });
});

/** What the reviewer says about each sample: the smells the sample owns up to, and nothing else. */
const EXPECTED: Record<string, string[]> = {
    'evolution/1-monolith.arch': [
    ],
    'evolution/2-soa.arch': [
        "esb-single-point-of-failure: Every service-to-service call crosses ESB 'esb' (8 services: 'storefront', 'catalogService', 'customerService', 'orderService', 'paymentService', 'shippingService', 'notificationService' and 'erp'): it is a single point of failure.",
        "esb-business-logic: ESB 'esb' holds business logic (\"Checkout orchestration: reserve stock, charge, create order, book parcel, confirm\"): move it into the service that owns the decision.",
        "deep-sync-chain: Synchronous call chain of 5 hops (more than 4): web → lb → storefront → esb → paymentService → psp.",
        "deep-sync-chain: Synchronous call chain of 5 hops (more than 4): web → lb → storefront → esb → shippingService → carrier.",
        "shared-database: Database 'legacyDb' is shared by 2 services: 'customerService' and 'orderService'.",
        "technology-budget: 5 protocols in use (budget 4): http, soap, jms, idoc, smtp.",
        // The ESB's checkout orchestration calls the registry and three providers in turn (2s + 15s + 5s + 15s) inside the storefront's 20s.
        "flow-budget-exceeded: Flow 'checkout': step 3 (storefront -> esb) waits 20s for 'esb', but the calls 'esb' makes may take 37s in the worst case (uddi 2s, paymentService 15s, orderService 5s, shippingService 15s).",
        "no-observability-backend: 9 services and no metrics, logs or traces back end: nothing observes 'carrier', 'storefront', 'catalogService', 'customerService' and 'orderService' and the others.",
        "missing-health-check: Service 'storefront' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'catalogService' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'customerService' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'orderService' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'paymentService' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'shippingService' has no health check: others call it, and nothing can tell whether it is alive.",
        "unencrypted-traffic: Traffic from 'lb' to 'storefront' is neither mTLS nor TLS.",
    ],
    'evolution/3-microservices.arch': [
        // Orders calls cart, inventory, payments and its database one after the other (with their retries) inside the gateway's 10s.
        "flow-budget-exceeded: Flow 'checkout': step 2 (apiGateway -> orders) waits 10s for 'orders', but the calls 'orders' makes may take 10.8s in the worst case (cart 1s, inventory 1.5s, payments 8s, ordersDb 300ms).",
        "missing-health-check: Service 'catalog' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'cart' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'customers' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'orders' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'payments' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'inventory' has no health check: others call it, and nothing can tell whether it is alive.",
        "unencrypted-traffic: Traffic from 'apiGateway' to 'catalog' is neither mTLS nor TLS.",
        "unencrypted-traffic: Traffic from 'apiGateway' to 'cart' is neither mTLS nor TLS.",
        "unencrypted-traffic: Traffic from 'apiGateway' to 'customers' is neither mTLS nor TLS.",
        "unencrypted-traffic: Traffic from 'apiGateway' to 'orders' is neither mTLS nor TLS.",
        "unencrypted-traffic: Traffic from 'orders' to 'cart' is neither mTLS nor TLS.",
        "unencrypted-traffic: Traffic from 'orders' to 'inventory' is neither mTLS nor TLS.",
        "unencrypted-traffic: Traffic from 'orders' to 'payments' is neither mTLS nor TLS.",
    ],
    'evolution/4-mesh.arch': [
        // Orders' sidecar gives each call orders makes 8s (a sidecar's policy is its host's outgoing calls): four calls in turn inside the ingress's 10s.
        "flow-budget-exceeded: Flow 'checkout': step 2 (ingress -> orders) waits 10s for 'orders', but the calls 'orders' makes may take 32s in the worst case (cart 8s, inventory 8s, payments 8s, ordersDb 8s).",
        "missing-health-check: Service 'catalog' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'cart' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'customers' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'orders' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'payments' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'inventory' has no health check: others call it, and nothing can tell whether it is alive.",
    ],
    'evolution/5-faas.arch': [
    ],
    'evolution/shop-outside.arch': [
    ],
    'faas.arch': [
        "function-calls-function: Function 'createUploadUrl' calls function 'checkQuota' synchronously: it waits, and pays, for the other to finish.",
    ],
    'microservices.arch': [
        // The checkout flow calls cart, customers, inventory, payments and the database one after the other: 12.3s at worst, inside the gateway's 10s.
        "flow-budget-exceeded: Flow 'checkout': step 2 (apiGateway -> orders) waits 10s for 'orders', but the calls 'orders' makes may take 12.3s in the worst case (cart 1s, customers 1.5s, inventory 1.5s, payments 8s, ordersDb 300ms).",
    ],
    'monolith.arch': [
        "layer-skipping: 'salesReport' in layer 'presentation' uses 'orderMapper' in layer 'dataAccess', skipping layer 'business'.",
    ],
    'observability-efk.arch': [
        "missing-health-check: Service 'orders' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'payments' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'catalog' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'accounts' has no health check: others call it, and nothing can tell whether it is alive.",
    ],
    'observability-jaeger-hotrod.arch': [
        "missing-timeout: Call 'frontend' → 'customer' has neither a timeout nor a circuit breaker: when 'customer' hangs, 'frontend' hangs with it.",
        "missing-timeout: Call 'frontend' → 'driver' has neither a timeout nor a circuit breaker: when 'driver' hangs, 'frontend' hangs with it.",
        "missing-timeout: Call 'frontend' → 'route' has neither a timeout nor a circuit breaker: when 'route' hangs, 'frontend' hangs with it.",
        "flow-fragile-dependency: Flow 'findRide' depends synchronously on 'customer' at step 2 (frontend -> customer): the call has no circuit breaker, so every 'Find a ride (GET /dispatch)' waits out the call while it is down.",
        "flow-fragile-dependency: Flow 'findRide' depends synchronously on 'mysql' at step 3 (customer -> mysql): 'mysql' runs with 1 replica, so every 'Find a ride (GET /dispatch)' fails while it restarts or is down.",
        "flow-fragile-dependency: Flow 'findRide' depends synchronously on 'driver' at step 4 (frontend -> driver): the call has no circuit breaker, so every 'Find a ride (GET /dispatch)' waits out the call while it is down.",
        "flow-fragile-dependency: Flow 'findRide' depends synchronously on 'route' at step 6 (frontend -> route): the call has no circuit breaker, so every 'Find a ride (GET /dispatch)' waits out the call while it is down.",
        "missing-health-check: Service 'frontend' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'customer' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'driver' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'route' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'jaegerQuery' has no health check: others call it, and nothing can tell whether it is alive.",
    ],
    'observability-prometheus.arch': [
        "foreign-data-access: 'nightlyBilling' uses 'shopDb', which belongs to 'checkout': ask 'checkout' through its API instead.",
        "missing-health-check: Service 'web' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'checkout' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'catalog' has no health check: others call it, and nothing can tell whether it is alive.",
    ],
    'service-mesh-istio.arch': [
        "retry-amplification: Retries on 2 hops of one path multiply: 'ingress' → 'productpage' (retries 2) and 'productpage' → 'details' (retries 1) can send 6 attempts to 'details'.",
        "retry-amplification: Retries on 2 hops of one path multiply: 'ingress' → 'productpage' (retries 2) and 'productpage' → 'reviewsV1' (retries 1) can send 6 attempts to 'reviewsV1'.",
        "retry-amplification: Retries on 4 hops of one path multiply: 'ingress' → 'productpage' (retries 2), 'productpage' → 'reviewsV2' (retries 1), 'reviewsV2' → 'ratings' (retries 1) and 'ratings' → 'ratingsDb' (retries 1) can send 24 attempts to 'ratingsDb'.",
        "flow-budget-exceeded: Flow 'productPage': step 2 (ingress -> productpage) waits 15s for 'productpage', but the calls 'productpage' makes may take 20s in the worst case (details 10s, reviewsV2 10s).",
        "flow-retry-storm: Flow 'productPage': retries multiply to 6 attempts on 'details' for one request (more than 4): steps 2 (ingress -> productpage) × 3, 3 (productpage -> details) × 2.",
        "flow-retry-storm: Flow 'productPage': retries multiply to 6 attempts on 'reviewsV2' for one request (more than 4): steps 2 (ingress -> productpage) × 3, 4 (productpage -> reviewsV2) × 2.",
        "missing-health-check: Service 'productpage' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'details' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'reviewsV1' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'reviewsV2' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'reviewsV3' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'ratings' has no health check: others call it, and nothing can tell whether it is alive.",
    ],
    'soa-esb.arch': [
        "esb-single-point-of-failure: Every service-to-service call crosses ESB 'esb' (6 services: 'portal', 'crm', 'payments', 'loans', 'creditBureau' and 'notifications'), and it runs with 1 replica: it is a single point of failure.",
        "esb-business-logic: ESB 'esb' holds business logic (\"ApplyForLoan orchestration: customer lookup, credit check, scoring rules, loan booking\"): move it into the service that owns the decision.",
        "shared-database: Database 'customerMaster' is shared by 2 services: 'crm' and 'loans'.",
        "technology-budget: 5 protocols in use (budget 4): http, soap, jms, mq, smpp.",
        "flow-budget-exceeded: Flow 'applyForLoan': step 3 (portal -> esb) waits 15s for 'esb', but the calls 'esb' makes may take 25s in the worst case (serviceRegistry 2s, crm 10s, creditBureau 8s, loans 5s).",
        "flow-fragile-dependency: Flow 'accountSummary' depends synchronously on 'esb' at step 3 (portal -> esb): 'esb' runs with 1 replica, so every 'Account summary (getAccountSummary)' fails while it restarts or is down.",
        "flow-fragile-dependency: Flow 'applyForLoan' depends synchronously on 'esb' at step 3 (portal -> esb): 'esb' runs with 1 replica, so every 'Apply for a loan (LoanService.apply)' fails while it restarts or is down.",
        "flow-awaits-message: Flow 'accountSummary': step 5 (esb ~> accountRequests) is a message, but the flow awaits its answer: nothing bounds the wait for 'accountRequests'.",
        "no-observability-backend: 8 services and no metrics, logs or traces back end: nothing observes 'portal', 'crm', 'coreBanking', 'payments' and 'loans' and the others.",
        "missing-health-check: Service 'portal' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'crm' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'payments' has no health check: others call it, and nothing can tell whether it is alive.",
        "missing-health-check: Service 'loans' has no health check: others call it, and nothing can tell whether it is alive.",
    ],
};

describe('rule findings on the samples', () => {
    test('every sample is listed', () => {
        expect([...documents.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
    });

    for (const [file, expected] of Object.entries(EXPECTED)) {
        test(file, () => {
            const found = (documents.get(file)?.diagnostics ?? [])
                .filter(d => ruleIds.has(String(d.code)))
                .map(d => `${d.code}: ${d.message}`);
            expect(found).toEqual(expected);
        });
    }

    test('the SOA sample reports its ESB as a single point of failure', () => {
        expect(diagnosticsOf(documents.get('soa-esb.arch')!, 'esb-single-point-of-failure')).toHaveLength(1);
    });

    test('the mesh sample reports no missing timeout on calls its sidecars guard', () => {
        const doc = documents.get('service-mesh-istio.arch')!;
        const model = services.Arch.model.ModelProvider.getModel(doc);
        const guarded = model.relations.filter(r => {
            const policy = callPolicy(model, r);
            return r.kind === 'sync' && (policy.timeout?.from === 'sidecar' || policy.breaker?.from === 'sidecar');
        });
        expect(guarded.length).toBeGreaterThan(3);
        expect(diagnosticsOf(doc, 'missing-timeout')).toEqual([]);
    });
});
