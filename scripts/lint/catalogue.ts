/**
 * The rule catalogue: one Markdown page made from every rule's metadata (id,
 * severity, what, why and its failing and passing examples), so the documentation
 * of the rules is generated from the rules themselves and cannot fall behind.
 */
import type { Rule } from "./rule.ts";

/** Renders the catalogue of the given rules as Markdown, sorted by id; same rules, same bytes. */
export function renderRuleCatalogue(rules: readonly Rule[]): string {
  const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lines = [
    "<!-- Generated from the metadata of the lint rules (scripts/lint/rules/, listed in scripts/lint/registry.ts) by `npm run gen`. Do not edit: change the rule and regenerate. -->",
    "",
    "# Lint rules",
    "",
    "Each finding prints its rule id. Every failing example below yields a finding of its rule and every passing example yields none; the tests run them.",
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
      `Severity: ${rule.severity}.`,
      "",
      `**What:** ${rule.what}`,
      "",
      `**Why:** ${rule.why}`,
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

function tableCell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

function yamlBlock(text: string): string[] {
  return ["```yaml", text.replace(/\n+$/, ""), "```"];
}
