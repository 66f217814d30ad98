/**
 * A workflow as the rules see it: the YAML text, its plain object, the YAML
 * document (for comments and line numbers) and, for emitted workflows, the map
 * from YAML path to the TypeScript line that built the object.
 */
import { isMap, isSeq, parseDocument, type Document } from "yaml";

/** Plain-object view of a workflow file (as `yaml` parses it). */
export type WorkflowObject = Record<string, unknown>;

export interface WorkflowDocument {
  readonly file: string;
  readonly text: string;
  readonly workflow: WorkflowObject;
  readonly yaml: Document;
  readonly sources: ReadonlyMap<string, string>;
}

/**
 * Parses workflow YAML text into a document; a YAML syntax error throws with the file named.
 * Duplicate keys are kept in the document (the plain object holds the last one) so
 * that the `duplicate-id` rule can report them with their paths.
 */
export function parseWorkflowDocument(file: string, text: string, sources: ReadonlyMap<string, string> = new Map()): WorkflowDocument {
  const yaml = parseDocument(text, { prettyErrors: true, uniqueKeys: false });
  if (yaml.errors.length) throw new Error(`${file}: ${yaml.errors.map((e) => e.message).join("; ")}`);
  const workflow = yaml.toJS() as unknown;
  if (!workflow || typeof workflow !== "object" || Array.isArray(workflow)) {
    throw new Error(`${file}: a workflow file must be a YAML mapping at the top level`);
  }
  return { file, text, workflow: workflow as WorkflowObject, yaml, sources };
}

/** Splits `jobs.a.steps[3].if` into `["jobs", "a", "steps", 3, "if"]`. */
export function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const part of path.split(".")) {
    const open = part.indexOf("[");
    segments.push(open < 0 ? part : part.slice(0, open));
    if (open >= 0) for (const index of part.slice(open + 1, -1).split("][")) segments.push(Number(index));
  }
  return segments.filter((s) => s !== "");
}

/** 1-based line of the node at a YAML path, or of its nearest existing ancestor. */
export function lineOf(document: WorkflowDocument, path: string): number | undefined {
  const segments = pathSegments(path);
  for (let n = segments.length; n >= 0; n--) {
    const node = document.yaml.getIn(segments.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    const offset = node?.range?.[0];
    if (offset !== undefined) return document.text.slice(0, offset).split("\n").length;
    if (n === 0 && (isMap(document.yaml.contents) || isSeq(document.yaml.contents))) return 1;
  }
  return undefined;
}

/** The TypeScript source of the object at a path, or of its nearest ancestor that has one. */
export function sourceOf(document: WorkflowDocument, path: string): string | undefined {
  const segments = path.split(/(?=\[)|\./);
  for (let n = segments.length; n > 0; n--) {
    const prefix = segments.slice(0, n).join(".").replaceAll(".[", "[");
    const found = document.sources.get(prefix);
    if (found) return found;
  }
  return document.sources.get("workflow");
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
