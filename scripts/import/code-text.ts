/**
 * Small writers of TypeScript source text for the importer: literals, object keys,
 * identifiers made from workflow names, and template literals for `tpl`. Text from the
 * imported file is data: it is written only inside string literals (or template text
 * with `${` escaped), never as code.
 */
import { propertyKey, stringLiteral } from "../actions/code-text.ts";

const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await async of".split(" "),
);

/** An object key as code: bare when it is an identifier, else quoted; `__proto__` computed, so it stays a property. */
export function keyCode(key: string): string {
  return key === "__proto__" ? `[${stringLiteral(key)}]` : propertyKey(key);
}

/** A camelCase identifier made from a name (`build-and-push` → `buildAndPush`), never a reserved word. */
export function identifier(name: string, suffix = ""): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let text = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join("") || "value";
  if (/^\d/.test(text)) text = `_${text}`;
  text += suffix;
  return RESERVED.has(text) ? `${text}_` : text;
}

/** Names made unique within one scope: a taken name gets a number. */
export class Names {
  private readonly taken = new Set<string>();
  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }
  /** A fresh name based on `base`. */
  fresh(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}${n}`;
    this.taken.add(name);
    return name;
  }
}

/** Plain data as code: strings, numbers, booleans, null, lists and objects. */
export function literalCode(value: unknown, indent = ""): string {
  if (value === null) return "null";
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => literalCode(v, indent)).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (!entries.length) return "{}";
    return `{ ${entries.map(([k, v]) => `${keyCode(k)}: ${literalCode(v, indent)}`).join(", ")} }`;
  }
  throw new TypeError(`a ${typeof value} is not workflow data`);
}

/** Text for the inside of a template literal: backslashes, backticks and `${` escaped. */
export function templateText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${");
}

/** An object literal from code entries, one per line when long. */
export function objectCode(entries: readonly (readonly [string, string])[], indent: string): string {
  if (!entries.length) return "{}";
  const inline = `{ ${entries.map(([k, v]) => `${keyCode(k)}: ${v}`).join(", ")} }`;
  if (inline.length + indent.length <= 110 && !inline.includes("\n")) return inline;
  const inner = indent + "  ";
  return `{\n${entries.map(([k, v]) => `${inner}${keyCode(k)}: ${v},`).join("\n")}\n${indent}}`;
}

/** A list literal from code items, one per line when long. */
export function listCode(items: readonly string[], indent: string): string {
  const inline = `[${items.join(", ")}]`;
  if (inline.length + indent.length <= 110 && !inline.includes("\n")) return inline;
  const inner = indent + "  ";
  return `[\n${items.map((item) => `${inner}${item},`).join("\n")}\n${indent}]`;
}

/**
 * Indents generated code two spaces for each line that opens brackets it does not
 * close (however many it opens: `job("x", {}, () => ({` is one level), the writers
 * having put entries on their own lines without caring for indentation. Brackets in
 * string and template literals do not count; lines inside a multi-line template
 * literal are left as they are.
 */
export function reindent(code: string): string {
  // One entry per indentation level: how many brackets the line that opened it left open.
  const levels: number[] = [];
  let inString: '"' | "`" | undefined;
  const out: string[] = [];
  for (const line of code.split("\n")) {
    const startsInTemplate = inString === "`";
    const text = startsInTemplate ? line : line.trim();
    let indent: number | undefined;
    let opened = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (inString) {
        if (c === "\\") i++;
        else if (c === inString) inString = undefined;
      } else if (c === '"' || c === "`") {
        indent ??= levels.length;
        inString = c;
      } else if ("{[(".includes(c)) {
        indent ??= levels.length;
        opened++;
      } else if ("}])".includes(c)) {
        if (opened > 0) opened--;
        else if (levels.length) {
          levels[levels.length - 1]!--;
          if (levels[levels.length - 1] === 0) levels.pop();
        }
      } else if (c !== " " && c !== "," && c !== ";") indent ??= levels.length;
    }
    indent ??= levels.length;
    if (opened > 0) levels.push(opened);
    const comment = text.startsWith("*") ? " " : "";
    out.push(startsInTemplate || text === "" ? text : "  ".repeat(indent) + comment + text);
  }
  return out.join("\n");
}
