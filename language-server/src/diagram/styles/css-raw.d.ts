// Stylesheets imported as text: vitest (Vite) serves `?raw` natively, esbuild loads
// `.css` with the `text` loader (scripts/bundle.mjs) and ignores the query.
declare module '*.css?raw' {
    const text: string;
    export default text;
}
