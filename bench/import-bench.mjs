// `archsight import` as a fresh process on large inputs (issue 15's targets: 1,000
// services' manifests and a 100 MB trace file, each under 10 s and 1 GB): wall time, CPU
// time and peak memory (maxRSS, reported by report-rss.cjs).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateTraces } from './generate-traces.mjs';
import { median } from './lsp-bench.mjs';

const LANGUAGES = ['node:20', 'eclipse-temurin:21', 'golang:1.22', 'python:3.12'];

/** 1,000 services as Deployments and Services over 10 files, each calling two others through env URLs; every tenth has a VirtualService and a DestinationRule. */
export function writeManifests(services = 1000) {
    const dir = mkdtempSync(path.join(tmpdir(), 'archsight-bench-k8s-'));
    const perFile = 100;
    for (let f = 0; f < services / perFile; f++) {
        const docs = [];
        for (let i = f * perFile; i < (f + 1) * perFile; i++) {
            const name = `svc-${i}`;
            const a = `svc-${(i * 7 + 1) % services}`;
            const b = `svc-${(i * 13 + 5) % services}`;
            docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, labels: { app: ${name} } }
spec:
  replicas: ${1 + (i % 3)}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name}, version: v1 } }
    spec:
      serviceAccountName: ${name}
      containers:
        - name: app
          image: registry.example.com/shop/${name}:${LANGUAGES[i % 4].split(':')[1]}
          ports: [{ containerPort: 8080 }]
          env:
            - { name: A_URL, value: "http://${a}.shop.svc.cluster.local:8080" }
            - { name: B_HOST, value: "${b}" }
            - { name: LOG_LEVEL, value: info }
          readinessProbe: { httpGet: { path: /ready, port: 8080 } }
          resources: { limits: { memory: 512Mi, cpu: 500m } }`);
            docs.push(`apiVersion: v1
kind: Service
metadata: { name: ${name} }
spec: { selector: { app: ${name} }, ports: [{ name: http, port: 8080 }] }`);
            if (i % 10 === 0) {
                docs.push(`apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: ${name} }
spec:
  hosts: [${name}]
  http: [{ route: [{ destination: { host: ${name} } }], timeout: 2s, retries: { attempts: 2 } }]`);
                docs.push(`apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: ${name} }
spec: { host: ${name}, trafficPolicy: { outlierDetection: { consecutive5xxErrors: 5 } } }`);
            }
        }
        writeFileSync(path.join(dir, `services-${f}.yaml`), docs.join('\n---\n') + '\n');
    }
    return dir;
}

/** A Jaeger JSON export of at least `megabytes` MB, written in pieces. */
export function writeTraceFile(megabytes = 100, format = 'jaeger') {
    const dir = mkdtempSync(path.join(tmpdir(), 'archsight-bench-traces-'));
    const file = path.join(dir, `traces-${format}.json`);
    const fd = openSync(file, 'w');
    let written = 0;
    const target = megabytes * 1024 * 1024;
    let sample = 0;
    generateTraces({ traces: 100, format }, text => { sample += text.length; });
    const traces = Math.ceil((target / sample) * 100);
    generateTraces({ traces, format, errorEvery: 50 }, text => { written += writeSync(fd, text); });
    closeSync(fd);
    return { file, megabytes: statSync(file).size / 1048576, written };
}

/** Runs `archsight import <source> -o <tmp>` `runs` times; medians of wall, CPU and peak memory. */
export function importFresh(root, source, runs) {
    const walls = [], cpu = [], rss = [];
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'archsight-bench-out-')), 'out.arch');
    for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const r = spawnSync(process.execPath, ['--require', path.join(root, 'bench/report-rss.cjs'), path.join(root, 'bin/archsight.cjs'), 'import', source, '-o', out, '--force'], { encoding: 'utf8' });
        walls.push(performance.now() - start);
        if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
        const usage = /maxrss=(\d+) cpu=(\d+)/.exec(r.stderr);
        if (usage) {
            rss.push(Number(usage[1]) / 1024);
            cpu.push(Number(usage[2]) / 1000);
        }
    }
    return { wallMs: median(walls), cpuMs: median(cpu), peakMB: median(rss), output: out };
}
