/**
 * The lint waivers a workflow file carries: comments `# lint-ignore: <rule> -- <reason>`
 * (written in the YAML, or emitted there for a waiver made in TypeScript). A waiver at
 * the end of a line covers that line; one on a line of its own covers the next line.
 * Comments are read from the YAML parser's syntax tree, so a `#` line inside a script
 * is never taken for one.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, Parser, parseDocument, type Node } from "yaml";

/** One waiver: the rule it silences, the reason given, and the YAML path of the line it covers. */
export interface Waiver {
  readonly rule: string;
  readonly reason: string;
  readonly path: string;
}

const MARKER = /^#\s*lint-ignore:\s*(.*)$/;

/** Every waiver in a workflow's YAML text, in file order. */
export function findWaivers(text: string): Waiver[] {
  if (!text.includes("lint-ignore")) return [];
  const comments: { offset: number; source: string }[] = [];
  for (const token of new Parser().parse(text)) collectComments(token, comments);
  const waivers = comments.filter((c) => MARKER.test(c.source));
  if (waivers.length === 0) return [];
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  const pathByLine = new Map<number, string>();
  const record = (node: { range?: [number, number, number] | null } | null | undefined, path: string): void => {
    const start = node?.range?.[0];
    if (start === undefined) return;
    const line = lines.linePos(start).line;
    // Outermost first: the line `- name: x` belongs to the step, not to its `name`.
    if (!pathByLine.has(line)) pathByLine.set(line, path);
  };
  const walk = (node: unknown, path: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const at = path === "" ? key : `${path}.${key}`;
        record(pair.key as Node | null, at);
        walk(pair.value, at);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        record(item as Node | null, `${path}[${i}]`);
        walk(item, `${path}[${i}]`);
      });
    }
  };
  walk(document.contents, "");
  const textLines = text.split("\n");
  return waivers.map(({ offset, source }) => {
    const { line, col } = lines.linePos(offset);
    const trailing = textLines[line - 1]!.slice(0, col - 1).trim() !== "";
    const covered = trailing ? line : nextContentLine(textLines, line);
    const [rule, ...reason] = MARKER.exec(source)![1]!.split(" -- ");
    return { rule: rule!.trim(), reason: reason.join(" -- ").trim(), path: pathByLine.get(covered) ?? "" };
  });
}

/** The first line after `line` (1-based) that is neither blank nor only a comment. */
function nextContentLine(lines: readonly string[], line: number): number {
  for (let n = line + 1; n <= lines.length; n++) {
    const content = lines[n - 1]!.trim();
    if (content !== "" && !content.startsWith("#")) return n;
  }
  return line;
}

function collectComments(token: unknown, into: { offset: number; source: string }[]): void {
  if (typeof token !== "object" || token === null) return;
  if (Array.isArray(token)) {
    for (const item of token) collectComments(item, into);
    return;
  }
  const { type, offset, source } = token as { type?: string; offset?: number; source?: string };
  if (type === "comment" && typeof offset === "number" && typeof source === "string") {
    into.push({ offset, source });
    return;
  }
  for (const value of Object.values(token)) if (typeof value === "object") collectComments(value, into);
}
