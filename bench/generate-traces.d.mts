export interface TraceOptions { traces: number; format: 'jaeger' | 'otlp'; seed?: number; errorEvery?: number }
export const SHOP_CALLS: Record<string, { to: string; kind: string; system?: string; ms: [number, number] }[]>;
export function generateTraces(options: TraceOptions, write: (text: string) => void): void;
export function tracesText(options: TraceOptions): string;
