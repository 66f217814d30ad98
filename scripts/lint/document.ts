/**
 * A workflow (or an action's metadata) as the rules see it: the YAML text, its plain
 * object, the YAML document (for comments and positions), whether the project
 * generated it, and, for emitted workflows, the map from YAML path to the TypeScript
 * line that built the object.
 */
import { basename } from "node:path";
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document } from "yaml";

/** Plain-object view of a workflow file (as `yaml` parses it). */
export type WorkflowObject = Record<string, unknown>;

/** A workflow under `.github/workflows/`, or an action's `action.yml` (its composite steps are linted). */
export type DocumentKind = "workflow" | "action";

export interface WorkflowDocument {
  readonly file: string;
  readonly text: string;
  readonly workflow: WorkflowObject;
  readonly yaml: Document;
  readonly sources: ReadonlyMap<string, string>;
  readonly kind: DocumentKind;
  /** True for a workflow this project generates: its own policy (the pin table, the docker-build contracts) applies to it. */
  readonly emitted: boolean;
}

/** How a document was made. */
export interface DocumentOrigin {
  /** YAML path → TypeScript `file:line` (emitted workflows); read only when a finding is placed (see `parseWorkflowDocument`). */
  readonly sources?: ReadonlyMap<string, string> | undefined;
  readonly emitted?: boolean;
}

/**
 * Nodes a file's aliases may add when expanded. Anchors used many times are valid YAML
 * (and common in workflows); aliases that multiply into more nodes than this are a
 * resource-exhaustion attack ("billion laughs") and the file is refused. A large file
 * without such aliases is not limited here (the size of input is, see load.ts).
 */
export const MAX_ALIAS_NODES = 1_000_000;

/**
 * Parses workflow YAML text into a document; a YAML syntax error throws with the file named.
 * Duplicate keys are kept in the document (the plain object holds the last one) so
 * that the `duplicate-id` rule can report them with their paths.
 */
export function parseWorkflowDocument(file: string, text: string, origin: DocumentOrigin = {}): WorkflowDocument {
  const yaml = parseDocument(text, { prettyErrors: true, uniqueKeys: false });
  if (yaml.errors.length) throw new Error(`${file}: ${yaml.errors.map((e) => e.message).join("; ")}`);
  if (aliasExpansion(yaml) > MAX_ALIAS_NODES) throw new Error(`${file}: its aliases expand to more than ${MAX_ALIAS_NODES} nodes (a YAML bomb); write the repeated parts out or use fewer nested aliases`);
  // The expansion is bounded above, so the library's own alias limit (which refuses an anchor used more than 100 times) is off.
  const workflow = yaml.toJS({ maxAliasCount: -1 }) as unknown;
  if (!workflow || typeof workflow !== "object" || Array.isArray(workflow)) {
    throw new Error(`${file}: a workflow file must be a YAML mapping at the top level`);
  }
  const object = workflow as WorkflowObject;
  // Read when a finding is placed, not before: for an emitted workflow the sources are worked out from the stack
  // frames the kit recorded, which maps each through the build's line table (a clean workflow never needs them).
  let sources: ReadonlyMap<string, string> | undefined;
  return {
    file,
    text,
    workflow: object,
    yaml,
    get sources() {
      return (sources ??= origin.sources ?? new Map());
    },
    kind: kindOf(file, object),
    emitted: origin.emitted ?? false,
  };
}

/** Whether a file's name is that of an action's metadata (action.yml or action.yaml). */
export function isActionFileName(file: string): boolean {
  return /^action\.ya?ml$/.test(basename(file));
}

/** An action's metadata is named action.yml (or .yaml) and has `runs:` where a workflow has `jobs:`. */
function kindOf(file: string, object: WorkflowObject): DocumentKind {
  if (isActionFileName(file)) return "action";
  return "runs" in object && !("jobs" in object) ? "action" : "workflow";
}

/** How many nodes the document's aliases add when replaced by what they name; stops counting past the limit. */
function aliasExpansion(yaml: Document): number {
  const sizes = new Map<unknown, number>();
  let added = 0;
  // The expanded size of a node; an alias inside its own anchor counts as past the limit.
  const size = (node: unknown): number => {
    if (isAlias(node)) {
      const target = node.resolve(yaml);
      if (!target) return 1;
      const known = sizes.get(target);
      return known === -1 ? MAX_ALIAS_NODES + 1 : (known ?? size(target));
    }
    if (!isMap(node) && !isSeq(node)) return 1;
    sizes.set(node, -1);
    let total = 1;
    for (const item of node.items) {
      total += isPair(item) ? size(item.key) + size(item.value) : size(item);
      if (total > MAX_ALIAS_NODES) break;
    }
    sizes.set(node, total);
    return total;
  };
  // Every alias occurrence adds the expanded size of what it names; true stops the walk.
  const walk = (node: unknown): boolean => {
    if (isAlias(node)) return (added += size(node) - 1) > MAX_ALIAS_NODES;
    if (isMap(node)) return node.items.some((pair) => walk(pair.key) || walk(pair.value));
    return isSeq(node) && node.items.some(walk);
  };
  walk(yaml.contents);
  return added;
}

/** A 1-based line and column in the text. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Per document: the offset of each YAML path's node, and where lines start (built once, on the first finding). */
const indexes = new WeakMap<WorkflowDocument, { offsets: Map<string, number>; lineStarts: number[] }>();

function indexOf(document: WorkflowDocument): { offsets: Map<string, number>; lineStarts: number[] } {
  let index = indexes.get(document);
  if (index) return index;
  const offsets = new Map<string, number>();
  const visit = (node: unknown, path: string): void => {
    const start = (node as { range?: [number, number, number] } | null)?.range?.[0];
    if (start !== undefined && !offsets.has(path)) offsets.set(path, start);
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "";
        const child = path ? `${path}.${key}` : key;
        const keyStart = (pair.key as { range?: [number, number, number] } | null)?.range?.[0];
        // A key's own position is where an empty or aliased value is reported.
        if (keyStart !== undefined && !offsets.has(child) && (pair.value === null || isAlias(pair.value))) offsets.set(child, keyStart);
        if (!isAlias(pair.value)) visit(pair.value, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (!isAlias(item)) visit(item, `${path}[${i}]`);
      });
    }
  };
  visit(document.yaml.contents, "");
  index = { offsets, lineStarts: lineStartsOf(document.text) };
  indexes.set(document, index);
  return index;
}

/** Line and column of the node at a YAML path, or of its nearest existing ancestor. */
export function positionOf(document: WorkflowDocument, path: string): Position | undefined {
  const { offsets, lineStarts } = indexOf(document);
  let at = path;
  for (;;) {
    const offset = offsets.get(at);
    if (offset !== undefined) return positionAt(lineStarts, offset);
    if (at === "") return isMap(document.yaml.contents) || isSeq(document.yaml.contents) ? { line: 1, column: 1 } : undefined;
    at = parentPath(at);
  }
}

/** 1-based line of the node at a YAML path, or of its nearest existing ancestor. */
export function lineOf(document: WorkflowDocument, path: string): number | undefined {
  return positionOf(document, path)?.line;
}

/** The character offset of a 1-based line and column (clamped to the text). */
export function offsetOfPosition(document: WorkflowDocument, line: number, column: number): number {
  const { lineStarts } = indexOf(document);
  const start = lineStarts[Math.min(Math.max(line, 1), lineStarts.length) - 1] ?? 0;
  return Math.min(start + Math.max(column, 1) - 1, document.text.length);
}

/** Where each line of a text starts, as character offsets (for `positionAt`). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The line and column of a character offset, given where the text's lines start. */
export function positionAt(lineStarts: readonly number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lineStarts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
}

/** `jobs.a.steps[3]` → `jobs.a.steps`, `jobs.a` → `jobs`, `jobs` → ``. */
function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf("."), path.endsWith("]") ? path.lastIndexOf("[") : -1);
  return cut < 0 ? "" : path.slice(0, cut);
}

/** The TypeScript source of the object at a path, or of its nearest ancestor that has one. */
export function sourceOf(document: WorkflowDocument, path: string): string | undefined {
  if (document.sources.size === 0) return undefined;
  for (let at = path; at !== ""; at = parentPath(at)) {
    const found = document.sources.get(at);
    if (found) return found;
  }
  return document.sources.get("workflow");
}

/**
 * The YAML path of the node a line begins (1-based): the key it starts with, or the
 * sequence item when it starts with "- " (a step, for `- name: …`); undefined when
 * the line begins no node (blank, a comment, a scalar's continuation).
 */
export function nodePathOfLine(document: WorkflowDocument, line: number): string | undefined {
  const start = offsetOfPosition(document, line, 1);
  const lead = /^[ \t]*(- +)?/.exec(document.text.slice(start, start + 200))!;
  const path = pathAt(document, start + lead[0].length);
  if (path === "" || !lead[1]) return path || undefined;
  const item = path.lastIndexOf("]");
  return item < 0 ? undefined : path.slice(0, item + 1);
}

/** The YAML path of the deepest node at a character offset (`jobs.a.steps[0].nme` for the key `nme`). */
export function pathAt(document: WorkflowDocument, offset: number): string {
  let path = "";
  let node: unknown = document.yaml.contents;
  const within = (n: unknown): boolean => {
    const range = (n as { range?: [number, number, number] } | null)?.range;
    return !!range && range[0] <= offset && offset < range[2];
  };
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => within(p.key) || within(p.value));
      if (!pair) return path;
      const key = String((pair.key as { value?: unknown } | null)?.value ?? "");
      path = path ? `${path}.${key}` : key;
      if (within(pair.key)) return path;
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex(within);
      if (index < 0) return path;
      path += `[${index}]`;
      node = node.items[index];
    } else {
      return path;
    }
  }
}
