/**
 * A reporter for Node's test runner that writes, for each top-level test, the file it
 * is in and how long it took, one JSON object per line. `npm test` sums them per file
 * to share the files out among its processes the next time (test-groups.ts).
 * JavaScript, because Node's runner loads reporters without a TypeScript loader.
 */
export default async function* durations(source) {
  for await (const event of source) {
    if ((event.type === "test:pass" || event.type === "test:fail") && event.data.nesting === 0 && event.data.file) {
      yield `${JSON.stringify({ file: event.data.file, ms: event.data.details.duration_ms })}\n`;
    }
  }
}
