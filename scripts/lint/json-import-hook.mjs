/**
 * A module loader hook for the checkers' worker: GitHub's workflow parser imports its
 * JSON schema without the `with { type: "json" }` attribute that plain Node requires
 * (the compiled bundle inlines it instead). The hook loads such a JSON file as JSON.
 */
import { readFile } from "node:fs/promises";

export async function load(url, context, nextLoad) {
  if (url.startsWith("file:") && url.endsWith(".json") && !context.importAttributes?.type) {
    return { format: "json", source: await readFile(new URL(url), "utf8"), shortCircuit: true };
  }
  return nextLoad(url, context);
}
