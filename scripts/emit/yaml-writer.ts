/**
 * Writes a workflow model (plain objects, arrays and scalars) as block YAML:
 * two-space indentation, sequences indented under their key, empty collections as
 * `{}` and `[]`, lines never folded, and an optional comment after chosen values.
 *
 * The generator writes text directly instead of going through the `yaml` package's
 * document model: building and printing that model was most of the cost of
 * generating a workflow, and a model that is only ever data needs none of it.
 */
import { scalarText, type ScalarValue } from "./yaml-scalar.ts";

/** Options of `blockYaml`. */
export interface BlockYamlOptions {
  /** The comment (without `# `) to write after the scalar value of `key`, if any; may throw to refuse the value. */
  commentAfter?: (key: string, value: ScalarValue) => string | undefined;
  /**
   * Comment lines (without `# `) to write before the node at a path (`jobs.build`,
   * `jobs.build.steps[2]`; `""` for the top of the document). Only mapping entries,
   * sequence items and the top take comments before them.
   */
  commentsBefore?: (path: string) => readonly string[] | undefined;
}

/**
 * The YAML text of `root`, ending with a line break.
 * @throws TypeError naming the path of a value YAML data cannot hold (a function, a class instance, …)
 */
export function blockYaml(root: Readonly<Record<string, unknown>>, options: BlockYamlOptions = {}): string {
  if (!hasValues(root)) return "{}\n";
  const lines: string[] = [];
  const tracksPaths = options.commentsBefore !== undefined;
  writeComments({ lines, options, tracksPaths }, "", "");
  writeMapping({ lines, options, tracksPaths }, root, "", "", "");
  return `${lines.join("\n")}\n`;
}

const STEP = "  ";

/** The lines written so far, and the options. */
interface Writer {
  readonly lines: string[];
  readonly options: BlockYamlOptions;
  /** Whether paths are built while writing (only when comments are placed by path: it costs a string per node). */
  readonly tracksPaths: boolean;
}

function writeComments(writer: Writer, path: string, indent: string): void {
  for (const comment of writer.options.commentsBefore?.(path) ?? []) writer.lines.push(`${indent}# ${comment}`);
}

/** Whether a mapping has a key with a value: one whose value is undefined is left out, as if absent. */
function hasValues(mapping: Readonly<Record<string, unknown>>): boolean {
  for (const key of Object.keys(mapping)) if (mapping[key] !== undefined) return true;
  return false;
}

/**
 * Writes a mapping's entries; the first line starts with `first` (an open `- ` of a
 * sequence item), the rest with `indent`. `path` is the mapping's path when tracked.
 */
function writeMapping(writer: Writer, mapping: Readonly<Record<string, unknown>>, first: string, indent: string, path: string): void {
  let prefix = first;
  for (const key of Object.keys(mapping)) {
    const value = mapping[key];
    if (value === undefined) continue;
    const keyText = scalarText(key, { indent, isKey: true });
    const at = writer.tracksPaths ? (path ? `${path}.${key}` : key) : "";
    // A comment cannot stand between an item's "- " and its first key.
    if (writer.tracksPaths && prefix === indent) writeComments(writer, at, indent);
    try {
      writeEntry(writer, `${prefix}${keyText}:`, key, value, indent, at);
    } catch (error) {
      throw withPathSegment(error, /^[\w-]+$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);
    }
    prefix = indent;
  }
}

function writeEntry(writer: Writer, head: string, key: string, value: unknown, indent: string, path: string): void {
  const inner = indent + STEP;
  if (Array.isArray(value)) {
    if (value.length === 0) return void writer.lines.push(`${head} []`);
    writer.lines.push(head);
    return writeSequence(writer, value, inner, inner, path);
  }
  if (isMapping(value)) {
    if (!hasValues(value)) return void writer.lines.push(`${head} {}`);
    writer.lines.push(head);
    return writeMapping(writer, value, inner, inner, path);
  }
  const scalar = asScalar(value);
  const text = scalarText(scalar, { indent: inner, isKey: false });
  const comment = writer.options.commentAfter?.(key, scalar);
  writer.lines.push(withValue(head, text) + (comment === undefined ? "" : ` # ${comment}`));
}

/** `head value`, or `head` alone for a null (written as nothing). */
function withValue(head: string, text: string): string {
  return text === "" ? head : `${head} ${text}`;
}

/** Writes a sequence's items, each opened by `- `; the first item's line starts with `first`. */
function writeSequence(writer: Writer, items: readonly unknown[], first: string, indent: string, path: string): void {
  const inner = indent + STEP;
  items.forEach((item, index) => {
    const open = `${index === 0 ? first : indent}- `;
    const at = writer.tracksPaths ? `${path}[${index}]` : "";
    // The first item of a nested sequence shares its parent's line: no comment fits before it.
    if (writer.tracksPaths && (index > 0 || first === indent)) writeComments(writer, at, indent);
    try {
      if (Array.isArray(item) && item.length > 0) writeSequence(writer, item, open, inner, at);
      else if (isMapping(item) && hasValues(item)) writeMapping(writer, item, open, inner, at);
      else if (Array.isArray(item)) writer.lines.push(`${open}[]`);
      else if (isMapping(item)) writer.lines.push(`${open}{}`);
      else writer.lines.push(withValue(open.trimEnd(), scalarText(asScalar(item ?? null), { indent: inner, isKey: false })));
    } catch (error) {
      throw withPathSegment(error, `[${index}]`);
    }
  });
}

function isMapping(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function asScalar(value: unknown): ScalarValue {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  const kind = typeof value === "object" ? (value as object).constructor?.name ?? "object" : typeof value;
  throw new UnwritableValueError(`a ${kind} is not YAML data; convert it to a string, number, boolean, array or plain object`);
}

/** A value that has no YAML form, with the path to it filled in while the writer unwinds. */
class UnwritableValueError extends TypeError {
  path = "";
  constructor(readonly reason: string) {
    super(reason);
    this.name = "UnwritableValueError";
  }
}

function withPathSegment(error: unknown, segment: string): unknown {
  if (!(error instanceof UnwritableValueError)) return error;
  error.path = segment + error.path;
  error.message = `${error.path.replace(/^\./, "")}: ${error.reason}`;
  return error;
}
