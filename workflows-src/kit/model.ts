/**
 * From what authors write to the workflow model's plain data: expressions and
 * templates become their `${{ }}` text, absent values are left out, and the
 * references every expression reads are collected, wherever in a job or step body
 * they stand.
 */
import { Expr, Template, type Reference } from "./expr.ts";

/** Escape hatch for keys the kit does not type: written into the node as given (after the typed keys). */
export class RawFields {
  constructor(readonly fields: Readonly<Record<string, unknown>>) {}
}

/**
 * Keys written as given into a workflow, job or step, for a construct the kit does not
 * type. Like `raw()`, it is visible in review; expressions in it are still parsed.
 */
export function rawFields(fields: Readonly<Record<string, unknown>>): RawFields {
  return new RawFields(fields);
}

/** A value written as given where a typed input expects another type (made by `untyped()`). */
export class UntypedValue {
  constructor(readonly value: string | number | boolean) {}
}

/** Plain data of the model: what YAML holds. */
export type ModelValue = string | number | boolean | null | readonly ModelValue[] | { readonly [key: string]: ModelValue };

/** The model's data for an author's value: expressions become text, undefined entries are dropped. */
export function toModel(value: unknown): ModelValue {
  if (value instanceof Expr || value instanceof Template) return value.toString();
  if (value instanceof UntypedValue) return value.value;
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map(toModel);
  if (isPlainObject(value)) {
    const out: Record<string, ModelValue> = {};
    for (const [key, entry] of Object.entries(value)) if (entry !== undefined) out[key] = toModel(entry);
    return out;
  }
  throw new TypeError(`a ${(value as object)?.constructor?.name ?? typeof value} cannot be written into a workflow; give a string, number, boolean, expression, list or plain object`);
}

/** Every reference the expressions inside a value read (plain data reads nothing). */
export function referencesIn(value: unknown): Reference[] {
  const found: Reference[] = [];
  const visit = (node: unknown): void => {
    if (node instanceof Expr || node instanceof Template) found.push(...node.refs);
    else if (Array.isArray(node)) node.forEach(visit);
    else if (node instanceof RawFields) visit(node.fields);
    else if (isPlainObject(node)) for (const entry of Object.values(node)) visit(entry);
  };
  visit(value);
  return found;
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
