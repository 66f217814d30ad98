/**
 * The lint findings an imported workflow brings with it, as waivers: each finding of
 * the project's rules becomes a waiver on the step, job or workflow it lies in, whose
 * reason says it came from the import and what the rule found. So `gen` accepts the
 * module while review shows what is left to fix. `unpinned-uses` is left to the module
 * writer, which knows which `uses:` end up pinned.
 */
import { stringify } from "yaml";
import { parseWorkflowDocument, type WorkflowDocument } from "../lint/document.ts";

/** Node path (`""`, `jobs.<id>`, `jobs.<id>.steps[i]`) → rule → reason. */
export type ImportWaivers = Map<string, Map<string, string>>;

const LEFT_TO_THE_WRITER = new Set(["unpinned-uses"]);
const MAX_REASON = 200;

/**
 * Waivers for the findings of the lint rules on a workflow.
 * @param document the file as parsed, or undefined to lint `workflow` (the value after `--harden`)
 */
export async function importWaivers(document: WorkflowDocument | undefined, workflow: Record<string, unknown>, source: string): Promise<ImportWaivers> {
  const { lintDocuments } = await import("../lint/engine.ts");
  const findings = await lintDocuments([document ?? parseWorkflowDocument(source, stringify(workflow, { lineWidth: 0 }), { emitted: true })]);
  const byNode = new Map<string, Map<string, string[]>>();
  for (const finding of findings) {
    if (LEFT_TO_THE_WRITER.has(finding.rule)) continue;
    const node = nodeOf(finding.path);
    const rules = byNode.get(node) ?? new Map<string, string[]>();
    rules.set(finding.rule, [...(rules.get(finding.rule) ?? []), finding.message]);
    byNode.set(node, rules);
  }
  const waivers: ImportWaivers = new Map();
  for (const [node, rules] of byNode) {
    waivers.set(node, new Map([...rules].map(([rule, messages]) => [rule, reason(source, messages)])));
  }
  return waivers;
}

/** The step, job or workflow a YAML path lies in. */
export function nodeOf(path: string): string {
  const match = /^jobs\.([^.[]+)(\.steps\[\d+\])?/.exec(path);
  return match ? match[0] : "";
}

function reason(source: string, messages: readonly string[]): string {
  const first = (messages[0] ?? "").replace(/\s+/g, " ").trim();
  const more = messages.length > 1 ? ` (and ${messages.length - 1} more)` : "";
  const text = `imported from ${source}: ${first}`;
  return (text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text) + more;
}
