/**
 * The digest a remembered plan is kept under: of the parsed workflow shape and the
 * event, the simulation's whole input (besides its own code, see plan-cache.ts).
 *
 * Why keying on the shape rather than on the workflow's text is exact: the shape is
 * what `parseWorkflowShape` keeps of the parsed YAML, and it drops every key it does
 * not declare; `simulate` is given that value and nothing else of the workflow. So
 * two texts with the same shape (they differ in a job's `timeout-minutes`, its
 * `runs-on`, a comment, quoting or key order outside what is read) give the
 * simulation the same input and the same plan; a field the shape declares (a
 * condition, a step's script, an input of `with:`) changes the key.
 *
 * The encoding is lossless: every value is written with its type and every string
 * with its length (in UTF-16 code units, written as they are), so no two different values (strings against numbers, `1` against
 * `"1"`, `NaN` against `null`, `-0` against `0`, a key order) share an encoding, and
 * the simulation iterates objects in the order they are written here. A value YAML
 * and zod never produce (a function, a Date, a Map) is refused rather than guessed at.
 */
import { createHash } from "node:crypto";

/** Appends the encoding of `value` to `parts`. */
function encode(value: unknown, parts: string[]): void {
  if (value === null) parts.push("z");
  else if (value === undefined) parts.push("u");
  else if (typeof value === "boolean") parts.push(value ? "t" : "f");
  else if (typeof value === "number") parts.push(`n${Object.is(value, -0) ? "-0" : String(value)};`);
  else if (typeof value === "string") parts.push(`s${value.length}:`, value);
  else if (Array.isArray(value)) {
    parts.push("[");
    for (const item of value) encode(item, parts);
    parts.push("]");
  } else if (typeof value === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    parts.push("{");
    for (const [key, item] of Object.entries(value)) {
      encode(key, parts);
      encode(item, parts);
    }
    parts.push("}");
  } else {
    throw new Error(`a simulation input holds a ${typeof value === "object" ? (value.constructor?.name ?? "object") : typeof value}, which cannot be keyed; parse workflows and events into plain data`);
  }
}

/** The hex digest of the values (plain data: strings, numbers, booleans, null, arrays, objects), in order. */
export function inputDigest(...values: readonly unknown[]): string {
  const parts: string[] = [];
  for (const value of values) encode(value, parts);
  // Hashed as UTF-16 code units, as they are: a lone surrogate would not survive UTF-8.
  return createHash("sha256").update(Buffer.from(parts.join(""), "utf16le")).digest("hex");
}
