/**
 * Stack traces of a compiled entry point at the TypeScript: a frame inside the bundle is
 * rewritten to the source file, line and column its line table gives, so error messages
 * and the source locations the kit records from stack traces name the `.ts` line.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** Maps frames of the build in `buildDir`; its table is read on the first frame that needs it. */
export function installStackMap(buildDir) {
  const prefix = pathToFileURL(buildDir + path.sep).href;
  /** @type {Record<string, import("./line-table.mjs").LineTable> | undefined} */
  let tables;

  const frame = (site) => {
    const text = site.toString();
    const file = site.getFileName();
    if (!file?.startsWith(prefix)) return text;
    tables ??= JSON.parse(readFileSync(path.join(buildDir, "lines.json"), "utf8"));
    const table = tables[file.slice(prefix.length)];
    const line = site.getLineNumber();
    const column = site.getColumnNumber();
    const segments = table?.lines[line - 1];
    if (!table || !segments) return text;
    let at = -1;
    for (let i = 0; i < segments.length && segments[i] <= column - 1; i += 4) at = i;
    if (at < 0) return text;
    const mapped = `${table.sources[segments[at + 1]]}:${segments[at + 2] + 1}:${segments[at + 3] + 1}`;
    return text.replace(`${file}:${line}:${column}`, () => mapped);
  };

  Error.prepareStackTrace = (error, sites) => {
    let header;
    try {
      header = Error.prototype.toString.call(error);
    } catch {
      header = "Error";
    }
    return header + sites.map((site) => `\n    at ${frame(site)}`).join("");
  };
}
