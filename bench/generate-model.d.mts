/** Types of generate-model.mjs, for the tests that use the benchmark's models. */
export function generateModel(size: number, options?: { perFile?: number; seed?: number }): {
    files: Record<string, string>;
    entry: string;
    elements: number;
};
