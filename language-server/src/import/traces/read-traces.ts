import type { Readable } from 'node:stream';
import type { ImportedSystem } from '../imported-system.js';
import { ImportError } from '../imported-system.js';
import { jaegerSpans } from './jaeger.js';
import { JsonElementSplitter } from './json-elements.js';
import { otlpSpans } from './otlp.js';
import { TraceAggregator } from './trace-aggregator.js';

/**
 * Reads a Jaeger or OTLP JSON trace file as a stream, one trace (Jaeger) or one batch of a
 * resource's spans (OTLP) at a time, so a file of hundreds of megabytes is never held whole.
 */
export async function readTraces(stream: Readable, display: string, system: ImportedSystem): Promise<void> {
    const aggregator = new TraceAggregator(system, display);
    let index = 0;
    const splitter = new JsonElementSplitter(new Set(['data', 'resourceSpans']), (key, text) => {
        index++;
        let value: unknown;
        try {
            value = JSON.parse(text);
        } catch (error) {
            throw new ImportError(`'${display}' is not valid JSON (${key} entry ${index}): ${(error as Error).message}`);
        }
        aggregator.add(key === 'resourceSpans' ? otlpSpans(value as never) : jaegerSpans(value as never));
    }, display);
    stream.setEncoding('utf8');
    for await (const chunk of stream) splitter.write(chunk as string);
    splitter.end();
    if (!splitter.sawWanted) throw new ImportError(`'${display}' is not a Jaeger or OTLP JSON trace file: it has neither 'data' nor 'resourceSpans'.`);
    aggregator.finish();
}
