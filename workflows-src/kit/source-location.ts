/**
 * Where in the TypeScript sources a kit object was built, so that errors and lint
 * findings can point at the line to change, not only at the emitted YAML.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

const kitDir = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(kitDir, "..", "..");
// The generated action bindings are part of the kit's machinery: their callers are the sources.
const bindingsDir = path.join(projectRoot, "generated", "actions");

/** `file:line` relative to the project root of the first caller outside the kit and its bindings, if known. */
export function callerLocation(): string | undefined {
  const stack = new Error().stack?.split("\n").slice(1) ?? [];
  for (const frame of stack) {
    const file = frameFile(frame);
    if (!file || file.startsWith(kitDir + path.sep) || file.startsWith(bindingsDir + path.sep) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    const line = frameLine(frame);
    return `${path.relative(projectRoot, file).split(path.sep).join("/")}${line ? `:${line}` : ""}`;
  }
  return undefined;
}

// A V8 frame looks like "    at fn (file:///abs/path.ts:12:5)" or "    at file:///abs/path.ts:12:5".
function frameLocation(frame: string): string | undefined {
  const trimmed = frame.trim();
  if (!trimmed.startsWith("at ")) return undefined;
  const open = trimmed.lastIndexOf("(");
  return open >= 0 && trimmed.endsWith(")") ? trimmed.slice(open + 1, -1) : trimmed.slice(3);
}

function splitLocation(location: string): { file: string; line?: string } {
  const parts = location.split(":");
  // Strip ":col" and ":line"; what is left (it may contain "file:") is the file.
  const col = parts.pop();
  const line = parts.pop();
  if (col === undefined || line === undefined || !/^\d+$/.test(line)) return { file: location };
  return { file: parts.join(":"), line };
}

function frameFile(frame: string): string | undefined {
  const location = frameLocation(frame);
  if (!location) return undefined;
  const { file } = splitLocation(location);
  if (file.startsWith("file://")) return fileURLToPath(file);
  return path.isAbsolute(file) ? file : undefined;
}

function frameLine(frame: string): string | undefined {
  const location = frameLocation(frame);
  return location ? splitLocation(location).line : undefined;
}
