/**
 * Stack traces of a compiled entry point at the TypeScript: a frame inside the bundle is
 * rewritten to the source file, line and column its line table gives, so error messages
 * and the source locations the kit records from stack traces name the `.ts` line.
 */
import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * The global under which the mapper of call sites is published, for code that reads
 * structured call sites instead of formatted stack text (the kit's source locations).
 */
export const CALL_SITE_MAPPER = Symbol.for("run-ts.mapCallSite");

/** Maps frames of the build in `buildDir`, run for the project at `root`; its table is read on the first frame that needs it. */
export function installStackMap(buildDir, root) {
  // Node names a module by its real path: a copy of the project reaches the build through its node_modules link.
  const prefix = pathToFileURL(realpathSync(buildDir) + path.sep).href;
  /** @type {Record<string, import("./line-table.mjs").LineTable> | undefined} */
  let tables;

  /** The source file URL, line and column of a call site inside the bundle, or undefined. */
  const mapSite = (site) => {
    const file = site.getFileName();
    if (!file?.startsWith(prefix)) return undefined;
    tables ??= JSON.parse(readFileSync(path.join(buildDir, "lines.json"), "utf8"));
    const table = tables[file.slice(prefix.length)];
    const segments = table?.lines[site.getLineNumber() - 1];
    if (!table || !segments) return undefined;
    const column = site.getColumnNumber();
    let at = -1;
    for (let i = 0; i < segments.length && segments[i] <= column - 1; i += 4) at = i;
    if (at < 0) return undefined;
    return { file: pathToFileURL(path.resolve(root, table.sources[segments[at + 1]])).href, line: segments[at + 2] + 1, column: segments[at + 3] + 1 };
  };
  globalThis[CALL_SITE_MAPPER] = mapSite;

  const frame = (site) => {
    const text = site.toString();
    const mapped = mapSite(site);
    if (!mapped) return text;
    const file = site.getFileName();
    return text.replace(`${file}:${site.getLineNumber()}:${site.getColumnNumber()}`, () => `${mapped.file}:${mapped.line}:${mapped.column}`);
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
