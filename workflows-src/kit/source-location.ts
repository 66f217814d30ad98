/**
 * Where in the TypeScript sources a kit object was built, so that errors and lint
 * findings can point at the line to change, not only at the emitted YAML. It reads
 * V8's structured call sites rather than formatted stack text: a kit object is built
 * for every step, and formatting whole stacks was a third of generation time.
 */
import { findSourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { once } from "./once.ts";
import { PROJECT_ROOT } from "./project-root.ts";

const kitDir = path.dirname(fileURLToPath(import.meta.url));
// The generated action bindings are part of the kit's machinery: their callers are the sources.
const bindingsDir = path.join(PROJECT_ROOT, "generated", "actions");

type Position = { file: string; line: number };

/**
 * Maps a call site of compiled code to its TypeScript file (path or `file:` URL) and
 * line; undefined when the site is not in code it knows.
 */
export type CallSiteMapper = (site: NodeJS.CallSite) => Position | undefined;

let siteMapper: CallSiteMapper | undefined;

/**
 * Sets how call sites map to TypeScript lines when the sources run compiled into a
 * bundle (the tooling installs the bundle's mapper); without one, Node's source maps
 * of the transpiled modules are read, as under tsx.
 */
export function useCallSiteMapper(mapper: CallSiteMapper | undefined): void {
  siteMapper = mapper;
}

/**
 * Captures the call stack now and returns a function that gives, when first asked,
 * `file:line` (relative to the project root) of the first caller outside the kit and
 * its bindings. Reading the frames costs more than capturing them, and most locations
 * are never read (they matter only for problems and findings); inside
 * `withoutSourceLocations` nothing is captured and the location reads as undefined.
 */
export function callerLocation(): () => string | undefined {
  if (!recording) return unrecorded;
  const holder: { stack?: unknown } = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = FRAMES;
  Error.captureStackTrace(holder, callerLocation);
  Error.stackTraceLimit = limit;
  return once(() => authorLocation(callSitesOf(holder)));
}

let recording = true;
const unrecorded = (): undefined => undefined;

/**
 * Runs `build` without recording where kit objects are made: their locations read as
 * undefined. Capturing a stack for every step costs about a third of generating a
 * workflow, so the generator builds without, and builds again with locations only
 * for a workflow whose problems or findings must name their TypeScript lines.
 */
export function withoutSourceLocations<T>(build: () => T): T {
  const previous = recording;
  recording = false;
  try {
    return build();
  } finally {
    recording = previous;
  }
}

function authorLocation(sites: readonly NodeJS.CallSite[]): string | undefined {
  for (const site of sites) {
    const position = sourcePosition(site);
    if (!position) continue;
    const { file, line } = position;
    if (file.startsWith(kitDir + path.sep) || file.startsWith(bindingsDir + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    return `${path.relative(PROJECT_ROOT, file).split(path.sep).join("/")}:${line}`;
  }
  return undefined;
}

// The author's frame is at most a few kit frames away (step helper, binding, makeStep).
const FRAMES = 6;

// V8 turns a captured stack into `.stack` on first read, through the Error.prepareStackTrace
// in force then: for that read it hands over the structured call sites.
function callSitesOf(holder: { stack?: unknown }): NodeJS.CallSite[] {
  const previous = Error.prepareStackTrace;
  Error.prepareStackTrace = (_error, sites) => sites;
  try {
    return holder.stack as NodeJS.CallSite[];
  } finally {
    Error.prepareStackTrace = previous;
  }
}

/**
 * The TypeScript file and line of a call site: through the mapper set with
 * `useCallSiteMapper` when there is one, else through the source map of the
 * transpiled module (as under tsx), else as V8 reports it.
 */
function sourcePosition(site: NodeJS.CallSite): Position | undefined {
  const mapped = siteMapper?.(site);
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
