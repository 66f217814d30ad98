/**
 * Writes a workflow model (plain objects, arrays and scalars) as block YAML:
 * two-space indentation, sequences indented under their key, empty collections as
 * `{}` and `[]`, lines never folded, and an optional comment after chosen values.
 *
 * The generator writes text directly instead of going through the `yaml` package's
 * document model: building and printing that model was most of the cost of
 * generating a workflow, and a model that is only ever data needs none of it.
 */
import type { Section } from "../files/header.ts";
import { scalarText, type ScalarValue } from "./yaml-scalar.ts";

/** A path into the written value: mapping keys and sequence indexes. */
export type NodePath = readonly (string | number)[];

/** Options of `blockYaml`. */
export interface BlockYamlOptions {
  /** The comment (without `# `) to write after the scalar value of `key`, if any; may throw to refuse the value. */
  commentAfter?: (key: string, value: ScalarValue) => string | undefined;
  /** Whether the node at `path` (at most `SECTION_DEPTH` deep) ends a section; see `blockYamlSections`. */
  sectionEnds?: (path: NodePath) => boolean;
  /**
   * Comment lines (without `# `) to write before the node at `path` (at most
   * `SECTION_DEPTH` deep; `[]` for the top of the document). Only mapping entries and
   * sequence items that start a line take comments before them.
   */
  commentsBefore?: (path: NodePath) => readonly string[] | undefined;
}

/** How deep a section may end: paths are tracked this far, and no further. */
const SECTION_DEPTH = 4;

/**
 * The YAML text of `root`, ending with a line break.
 * @throws TypeError naming the path of a value YAML data cannot hold (a function, a class instance, …)
 */
export function blockYaml(root: Readonly<Record<string, unknown>>, options: BlockYamlOptions = {}): string {
  return blockYamlSections(root, options)
    .map((section) => section.text)
    .join("");
}

/**
 * The YAML text of `root` cut into sections: one ends after each node for which
 * `sectionEnds` is true (the text from the end of the previous section up to that
 * node's last line), the rest is the last. Each section's `indent` is the column of
 * the node's key or item dash, where a comment line after it is valid YAML.
 */
export function blockYamlSections(root: Readonly<Record<string, unknown>>, options: BlockYamlOptions = {}): Section[] {
  if (!hasValues(root)) return [{ text: "{}\n" }];
  const writer: Writer = { lines: [], options, sections: [], sectionStart: 0 };
  writeComments(writer, [], "");
  writeMapping(writer, root, "", "", []);
  if (writer.sectionStart < writer.lines.length) cutSection(writer, "");
  return writer.sections;
}

const STEP = "  ";

/** The lines written so far, the options, and the sections cut so far. */
interface Writer {
  readonly lines: string[];
  readonly options: BlockYamlOptions;
  readonly sections: Section[];
  sectionStart: number;
}

function cutSection(writer: Writer, indent: string): void {
  writer.sections.push({ text: `${writer.lines.slice(writer.sectionStart).join("\n")}\n`, indent });
  writer.sectionStart = writer.lines.length;
}

/** The path of a child node, while paths are tracked. */
function childPath(path: NodePath | undefined, segment: string | number): NodePath | undefined {
  return path !== undefined && path.length < SECTION_DEPTH ? [...path, segment] : undefined;
}

/** Writes the comments the options give for the node at `path`, at its indentation. */
function writeComments(writer: Writer, path: NodePath | undefined, indent: string): void {
  if (path === undefined || !writer.options.commentsBefore) return;
  for (const comment of writer.options.commentsBefore(path) ?? []) writer.lines.push(`${indent}# ${comment}`);
}

/** Cuts a section after the node at `path` when the options say it ends one. */
function endOfNode(writer: Writer, path: NodePath | undefined, indent: string): void {
  if (path !== undefined && writer.options.sectionEnds?.(path) && writer.sectionStart < writer.lines.length) cutSection(writer, indent);
}

/** Whether a mapping has a key with a value: one whose value is undefined is left out, as if absent. */
function hasValues(mapping: Readonly<Record<string, unknown>>): boolean {
  for (const key of Object.keys(mapping)) if (mapping[key] !== undefined) return true;
  return false;
}

/** Writes a mapping's entries; the first line starts with `first` (an open `- ` of a sequence item), the rest with `indent`. */
function writeMapping(writer: Writer, mapping: Readonly<Record<string, unknown>>, first: string, indent: string, path: NodePath | undefined): void {
  let prefix = first;
  for (const key of Object.keys(mapping)) {
    const value = mapping[key];
    if (value === undefined) continue;
    const keyText = scalarText(key, { indent, isKey: true });
    const at = childPath(path, key);
    // A comment cannot stand between an item's "- " and its first key.
    if (prefix === indent) writeComments(writer, at, indent);
    try {
      writeEntry(writer, `${prefix}${keyText}:`, key, value, indent, at);
    } catch (error) {
      throw withPathSegment(error, /^[\w-]+$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);
    }
    endOfNode(writer, at, indent);
    prefix = indent;
  }
}

function writeEntry(writer: Writer, head: string, key: string, value: unknown, indent: string, path: NodePath | undefined): void {
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
function writeSequence(writer: Writer, items: readonly unknown[], first: string, indent: string, path: NodePath | undefined): void {
  const inner = indent + STEP;
  items.forEach((item, index) => {
    const open = `${index === 0 ? first : indent}- `;
    const at = childPath(path, index);
    // The first item of a nested sequence shares its parent's line: no comment fits before it.
    if (index > 0 || first === indent) writeComments(writer, at, indent);
    try {
      if (Array.isArray(item) && item.length > 0) writeSequence(writer, item, open, inner, at);
      else if (isMapping(item) && hasValues(item)) writeMapping(writer, item, open, inner, at);
      else if (Array.isArray(item)) writer.lines.push(`${open}[]`);
      else if (isMapping(item)) writer.lines.push(`${open}{}`);
      else writer.lines.push(withValue(open.trimEnd(), scalarText(asScalar(item ?? null), { indent: inner, isKey: false })));
    } catch (error) {
      throw withPathSegment(error, `[${index}]`);
    }
    endOfNode(writer, at, indent);
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
