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
import { createHash, type Hash } from "node:crypto";

function write(hash: Hash, value: unknown): void {
  if (value === null) hash.update("z");
  else if (value === undefined) hash.update("u");
  else if (typeof value === "boolean") hash.update(value ? "t" : "f");
  else if (typeof value === "number") hash.update(`n${Object.is(value, -0) ? "-0" : String(value)};`);
  // UTF-16 code units as they are: a lone surrogate would not survive UTF-8.
  else if (typeof value === "string") hash.update(`s${value.length}:`).update(Buffer.from(value, "utf16le"));
  else if (Array.isArray(value)) {
    hash.update("[");
    for (const item of value) write(hash, item);
    hash.update("]");
  } else if (typeof value === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    hash.update("{");
    for (const [key, item] of Object.entries(value)) {
      write(hash, key);
      write(hash, item);
    }
    hash.update("}");
  } else {
    throw new Error(`a simulation input holds a ${typeof value === "object" ? (value.constructor?.name ?? "object") : typeof value}, which cannot be keyed; parse workflows and events into plain data`);
  }
}

/** The hex digest of the values (plain data: strings, numbers, booleans, null, arrays, objects), in order. */
export function inputDigest(...values: readonly unknown[]): string {
  const hash = createHash("sha256");
  for (const value of values) write(hash, value);
  return hash.digest("hex");
}
