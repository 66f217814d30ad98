/**
 * Where in the TypeScript sources a kit object was built, so that errors and lint
 * findings can point at the line to change, not only at the emitted YAML. It reads
 * V8's structured call sites rather than formatted stack text: a kit object is built
 * for every step, and formatting whole stacks was a third of generation time.
 */
import { findSourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const kitDir = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(kitDir, "..", "..");
// The generated action bindings are part of the kit's machinery: their callers are the sources.
const bindingsDir = path.join(projectRoot, "generated", "actions");

type Position = { file: string; line: number };
type SiteMapper = (site: NodeJS.CallSite) => { file: string; line: number } | undefined;

/** `file:line` relative to the project root of the first caller outside the kit and its bindings, if known. */
export function callerLocation(): string | undefined {
  for (const site of callSites()) {
    const position = sourcePosition(site);
    if (!position) continue;
    const { file, line } = position;
    if (file.startsWith(kitDir + path.sep) || file.startsWith(bindingsDir + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    return `${path.relative(projectRoot, file).split(path.sep).join("/")}:${line}`;
  }
  return undefined;
}

// The author's frame is at most a few kit frames away (step helper, binding, makeStep).
const FRAMES = 6;

function callSites(): NodeJS.CallSite[] {
  const previous = { prepare: Error.prepareStackTrace, limit: Error.stackTraceLimit };
  Error.prepareStackTrace = (_error, sites) => sites;
  Error.stackTraceLimit = FRAMES;
  try {
    const holder: { stack?: unknown } = {};
    Error.captureStackTrace(holder, callerLocation);
    return holder.stack as NodeJS.CallSite[];
  } finally {
    Error.prepareStackTrace = previous.prepare;
    Error.stackTraceLimit = previous.limit;
  }
}

/**
 * The TypeScript file and line of a call site: through the compiled runner's mapper
 * when the code runs as a bundle, else through the source map of the transpiled
 * module (as under tsx), else as V8 reports it.
 */
function sourcePosition(site: NodeJS.CallSite): Position | undefined {
  const mapper = (globalThis as Record<symbol, SiteMapper | undefined>)[Symbol.for("run-ts.mapCallSite")];
  const mapped = mapper?.(site);
  if (mapped) return { file: toPath(mapped.file), line: mapped.line };
  const fileName = site.getFileName();
  const line = site.getLineNumber();
  if (!fileName || line === null) return undefined;
  if (!fileName.startsWith("file://") && !path.isAbsolute(fileName)) return undefined;
  const entry = findSourceMap(fileName)?.findEntry(line - 1, (site.getColumnNumber() ?? 1) - 1);
  const original = entry && "originalLine" in entry ? entry.originalLine + 1 : line;
  return { file: toPath(fileName), line: original };
}

const paths = new Map<string, string>();

function toPath(file: string): string {
  let found = paths.get(file);
  if (found === undefined) {
    found = file.startsWith("file://") ? fileURLToPath(file) : file;
    paths.set(file, found);
  }
  return found;
}
