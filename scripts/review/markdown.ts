/**
 * The review as markdown for a pull request (job summary and comment): per changed
 * workflow, first what it now does differently in words ("`trivy-pr-app-only` now
 * runs on push `main` (was skipped)"), then security and lint, and the field-by-field
 * changes folded away. Every value from the workflows is shown as code, so nothing in
 * them is read as markdown or mentions anyone. Kept under GitHub's comment size.
 */
import type { BehaviourChange } from "./behaviour.ts";
import type { Change } from "./changes.ts";
import type { Review, WorkflowReview } from "./review-workflows.ts";
import type { SecurityChange } from "./security.ts";

/** GitHub refuses comments over 65,536 characters; stay well below. */
export const MAX_MARKDOWN_LENGTH = 60_000;
const MAX_LISTED = 40;

/** A value as inline code: one line, at most `width` characters, fenced so no backtick inside ends it. */
export function code(value: unknown, width = 80): string {
  let text = typeof value === "string" ? value : value === null || value === undefined ? "none" : JSON.stringify(value);
  if (text.includes("\n")) text = `${text.split("\n")[0]} … (${text.trimEnd().split("\n").length} lines)`;
  if (text.length > width) text = `${text.slice(0, width - 1)}…`;
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

const NOW: Readonly<Record<string, string>> = {
  success: "now runs",
  "success (uncertain)": "now runs, with an uncertain result",
  failure: "now fails",
  skipped: "is now skipped",
  "not triggered": "no longer starts",
};

const list = (values: unknown): string => (Array.isArray(values) && values.length ? values.map((v) => code(v)).join(", ") : "none");

/** One line per behaviour change, the same change in several scenarios told once. */
function behaviourLines(changes: readonly BehaviourChange[]): string[] {
  const groups = new Map<string, { change: BehaviourChange; scenarios: string[] }>();
  for (const change of changes) {
    const key = JSON.stringify([change.job, change.step, change.what, change.before, change.after]);
    const group = groups.get(key) ?? { change, scenarios: [] };
    group.scenarios.push(change.scenario);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ change: c, scenarios }) => {
    const on = `on ${scenarios.join(", ")}`;
    switch (c.what) {
      case "result": {
        const subject = c.step === undefined ? code(c.job) : `step ${code(c.step)} of ${code(c.job)}`;
        const thing = c.step === undefined ? "job" : "step";
        const was = c.before === "absent" ? `new ${thing}` : c.after === "absent" ? `${thing} removed` : `was ${String(c.before)}`;
        return `${subject} ${c.after === "absent" ? `no longer runs` : (NOW[String(c.after)] ?? `is now ${code(c.after)}`)} ${on} (${was})`;
      }
      case "tags":
        return `tags applied ${on}: ${list(c.after)} (were ${list(c.before)})`;
      case "saved":
      case "loaded":
        return `image references ${c.what} ${on}: ${list(c.after)} (were ${list(c.before)})`;
      case "artifacts":
        return `artifact of ${code(c.job)} ${on}: ${code(c.after)} (was ${code(c.before)})`;
      case "comments":
        return `comments of ${code(c.job)} ${on}: ${(c.after as unknown[]).length} (were ${(c.before as unknown[]).length})${(c.after as unknown[]).length ? `, first line ${code((c.after as string[])[0]!.split("\n")[0])}` : ""}`;
    }
  });
}

const SECURITY_WORDS: Readonly<Record<SecurityChange["kind"], string>> = {
  "permission-widened": "permission widened",
  "permission-narrowed": "permission narrowed",
  "action-added": "action added",
  "action-removed": "action removed",
  "pin-changed": "pin changed",
  "trigger-added": "trigger added",
  "trigger-removed": "trigger removed",
  "trigger-changed": "trigger changed",
  "waiver-added": "lint waiver added",
  "waiver-removed": "lint waiver removed",
};

function securityLine(s: SecurityChange): string {
  const values = s.before === null ? code(s.after) : s.after === null ? `was ${code(s.before)}` : `${code(s.before)} → ${code(s.after)}`;
  return `**security**: ${SECURITY_WORDS[s.kind]} ${code(s.path)}: ${values}`;
}

function changeLine(c: Change): string {
  if (c.kind === "moved") return `moved ${code(c.before)} → ${code(c.after)}`;
  if (c.kind === "added") return `added ${code(c.path)}: ${code(c.after)}`;
  if (c.kind === "removed") return `removed ${code(c.path)} (was ${code(c.before)})`;
  return `changed ${code(c.path)}: ${code(c.before)} → ${code(c.after)}`;
}

function capped(lines: readonly string[]): string[] {
  return lines.length <= MAX_LISTED ? [...lines] : [...lines.slice(0, MAX_LISTED), `… and ${lines.length - MAX_LISTED} more (\`npm run review\` lists them all)`];
}

function workflowSection(w: WorkflowReview): string[] {
  const lines = [
    ...capped(behaviourLines(w.behaviour)),
    ...capped(w.security.map(securityLine)),
    ...capped([...w.lint.new.map((f) => `**lint**: new [${f.rule}] ${code(f.path)}: ${code(f.message, 200)}`), ...w.lint.fixed.map((f) => `**lint**: fixed [${f.rule}] ${code(f.path)}`)]),
    ...w.notes.map((note) => `note: ${note}`),
  ];
  if (lines.length === 0) lines.push("no change of behaviour in its scenarios, of security or of lint findings");
  const out = [`### ${code(w.file)} — ${w.status}`, "", ...lines.map((l) => `- ${l}`)];
  if (w.changes.length) {
    const noun = w.changes.length === 1 ? "change" : "changes";
    out.push("", `<details><summary>${w.changes.length} ${noun} to the YAML</summary>`, "", ...capped(w.changes.map(changeLine)).map((l) => `- ${l}`), "", "</details>");
  }
  return [...out, ""];
}

/** The review as markdown. */
export function reviewMarkdown(review: Review): string {
  const changed = review.workflows.filter((w) => w.status !== "unchanged");
  const unchanged = review.workflows.length - changed.length;
  const head = ["## Workflow review", "", `Every workflow built from the sources at ${code(review.base.slice(0, 12))} and from this change, compared.`, ""];
  if (changed.length === 0) return [...head, "No workflow changes.", ""].join("\n");
  const body = [...head, ...changed.flatMap(workflowSection), ...(unchanged ? [`${unchanged} other workflow${unchanged === 1 ? "" : "s"} unchanged.`, ""] : [])].join("\n");
  return body.length <= MAX_MARKDOWN_LENGTH ? body : `${body.slice(0, MAX_MARKDOWN_LENGTH)}\n\n… cut at ${MAX_MARKDOWN_LENGTH} characters; \`npm run review\` prints it all.\n`;
}
