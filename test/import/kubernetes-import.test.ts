import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { parseAllDocuments } from 'yaml';
import { describe, expect, test } from 'vitest';
import { FIXTURES, importFixture, relationLines } from './import-helpers.js';

const errors = (lines: string[]) => lines.filter(l => / error /.test(l));

describe('Kubernetes: Istio bookinfo', () => {
    test('each app of the Deployments is one element whose replicas add up; Services give the port', async () => {
        const docs = parseAllDocuments(readFileSync(path.join(FIXTURES, 'istio/bookinfo/bookinfo.yaml'), 'utf8')).map(d => d.toJS());
        const deployments = docs.filter(d => d?.kind === 'Deployment');
        const apps = new Map<string, number>();
        for (const d of deployments) apps.set(d.spec.template.metadata.labels.app, (apps.get(d.spec.template.metadata.labels.app) ?? 0) + d.spec.replicas);
        const { model, diagnostics } = await importFixture(['istio/bookinfo/bookinfo.yaml']);
        expect([...model.elements.values()].filter(e => e.kind === 'service').map(e => [e.id, e.properties.replicas, e.properties.port]))
            .toEqual([...apps].map(([app, replicas]) => [app, replicas, 9080]));
        expect(model.elements.get('reviews')?.technology).toBe('examples-bookinfo-reviews-v1');
        expect(errors(diagnostics)).toEqual([]);
    });

    test('with Istio objects among the manifests, workloads go into a mesh with sidecars and a control plane; DestinationRule mTLS is noted when no call is known', async () => {
        const { model, system, text } = await importFixture(['istio/bookinfo']);
        expect(model.groups.get('istioMesh')?.elementIds).toEqual(['details', 'ratings', 'reviews', 'productpage']);
        expect(model.elements.get('reviews')?.sidecarIds).toEqual(['reviewsProxy']);
        expect(model.groups.get('istioControl')?.kind).toBe('control-plane');
        expect(system.notes).toContain('istio/bookinfo/destination-rule-all-mtls.yaml: DestinationRule/reviews: gives calls into reviews mtls, but no call into reviews is known (add traces to see them).');
        expect(text).toContain('// from istio/bookinfo/bookinfo.yaml: Deployment/reviews-v1; istio/bookinfo/bookinfo.yaml: Deployment/reviews-v2; istio/bookinfo/bookinfo.yaml: Deployment/reviews-v3; istio/bookinfo/bookinfo.yaml: Service/reviews');
    });
});

describe('Kubernetes: gateways, routes and mesh policies', () => {
    test('helloworld: the Istio Gateway and the Gateway API route lead to the helloworld app, public', async () => {
        const { model } = await importFixture(['istio/helloworld']);
        expect(model.elements.get('helloworldGateway')).toMatchObject({ kind: 'gateway', label: 'helloworld-gateway', properties: { exposure: 'public' } });
        expect(model.elements.get('helloworld')?.properties).toMatchObject({ replicas: 2, port: 5000 });
        expect(relationLines(model)).toEqual(['helloworldGateway -> helloworld : http']);
    });

    test('httpbin: probes are not there, image and port are', async () => {
        const { model } = await importFixture(['istio/httpbin/httpbin.yaml']);
        expect(model.elements.get('httpbin')).toMatchObject({ kind: 'service', technology: 'go-httpbin', properties: { replicas: 1, port: 8080 } });
    });

    test('PeerAuthentication STRICT makes the mesh mTLS; a DestinationRule for a host nobody runs is a note', async () => {
        const { model, system } = await importFixture(['istio/peer-authn-strict.yaml', 'istio/destination-rule-all.yaml', 'istio/httpbin/httpbin.yaml']);
        expect(model.groups.get('istioMesh')?.properties).toEqual({ mtls: true });
        expect(system.notes).toContain('istio/destination-rule-all.yaml: DestinationRule/destall: host destall.default.svc.cluster.local is not a workload of the manifests read; its policies are left out.');
    });

    test('VirtualService timeouts and retries and DestinationRule breakers go on the calls into the host; env values link workloads; probes are health checks', async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'archsight-k8s-'));
        writeFileSync(path.join(dir, 'shop.yaml'), `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: shop/web:1
          env: [{ name: ORDERS_URL, value: "http://orders.shop.svc.cluster.local:8080/api" }]
          readinessProbe: { httpGet: { path: /ready, port: 8080 } }
          resources: { limits: { memory: 256Mi } }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: orders }
spec:
  replicas: 3
  selector: { matchLabels: { app: orders } }
  template:
    metadata: { labels: { app: orders }, annotations: { sidecar.istio.io/inject: "true" } }
    spec: { containers: [{ name: orders, image: shop/orders:2 }] }
---
apiVersion: v1
kind: Service
metadata: { name: orders }
spec: { selector: { app: orders }, ports: [{ port: 8080 }] }
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: orders }
spec:
  hosts: [orders]
  http:
    - route: [{ destination: { host: orders.shop.svc.cluster.local } }]
      timeout: 0.5s
      retries: { attempts: 3, perTryTimeout: 200ms }
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: orders }
spec:
  host: orders
  trafficPolicy: { outlierDetection: { consecutive5xxErrors: 5 }, tls: { mode: ISTIO_MUTUAL } }
---
apiVersion: example.com/v1
kind: Widget
metadata: { name: w }
`);
        const { model, system, diagnostics } = await importFixture(['shop.yaml'], { cwd: dir });
        expect(model.elements.get('web')?.properties).toEqual({ replicas: 2, health: '/ready', memory: 256 * 1024 ** 2 });
        expect(model.relations.map(r => [`${r.sourceId} -> ${r.targetId}`, r.properties])).toEqual([
            ['web -> orders', { timeout: 500, retries: 3, breaker: true, mtls: true }],
        ]);
        expect(system.notes).toEqual(['Kubernetes: kind Widget (example.com/v1) is not read (first in shop.yaml: Widget/w).']);
        expect(errors(diagnostics)).toEqual([]);
    });

    test('standard input takes the output of helm template; a YAML file that is no manifest is one error', async () => {
        const stdin = Readable.from([readFileSync(path.join(FIXTURES, 'istio/httpbin/httpbin.yaml'), 'utf8')]);
        const { model } = await importFixture(['-'], { stdin });
        expect([...model.elements.keys()]).toEqual(['httpbin']);
        const dir = mkdtempSync(path.join(tmpdir(), 'archsight-k8s-'));
        writeFileSync(path.join(dir, 'values.yaml'), 'replicaCount: 1\nimage: { repository: nginx }\n');
        await expect(importFixture(['values.yaml'], { cwd: dir })).rejects.toThrow("'values.yaml' is not a Kubernetes manifest: no document has an apiVersion and a kind.");
    });
});
