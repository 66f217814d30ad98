/**
 * The plan of one event as text for a terminal: every job and step with its
 * result and why (a success the simulation cannot vouch for is marked uncertain,
 * with the reason), then the image references, artifacts and comments (in full).
 */
import type { EventDescription } from "./event-description.ts";
import type { Plan } from "./simulate.ts";
import { jobOutcome, stepUncertainty } from "./uncertain-results.ts";

const MARK: Readonly<Record<string, string>> = { success: "✓", failure: "✗", skipped: "–", "success (uncertain)": "?" };

export function formatPlan(plan: Plan, event: EventDescription): string {
  const out: string[] = [`${plan.workflow}: ${plan.event}`, `trigger: ${plan.trigger}`];
  if (!plan.triggered) return `${out.join("\n")}\nno job runs\n`;
  for (const job of Object.values(plan.jobs)) {
    const outcome = jobOutcome(plan, job.id, event);
    out.push("", `${MARK[outcome]} job ${job.id}: ${outcome} — ${job.reason}`);
    for (const step of job.steps) {
      const how = step.how ? ` [${step.how}${step.detail ? `: ${step.detail}` : ""}]` : "";
      const uncertain = stepUncertainty(step, event);
      out.push(`    ${MARK[uncertain ? "success (uncertain)" : step.result]} ${step.name}: ${step.result} — ${step.reason}${how}`);
      if (uncertain) out.push(`        uncertain: ${uncertain}`);
      if (step.error) out.push(...step.error.split("\n").map((l) => `        ${l}`));
    }
  }
  const list = (refs: readonly string[]) => (refs.length ? refs.join(", ") : "none");
  out.push("", `images applied: ${list(plan.images.applied)}`, `images saved:   ${list(plan.images.saved)}`, `images loaded:  ${list(plan.images.loaded)}`);
  out.push(`artifacts: ${plan.artifacts.length ? plan.artifacts.map((a) => `"${a.name}" (${a.files.join(", ")}) from ${a.uploadedBy}${a.downloadedBy.length ? `, downloaded by ${a.downloadedBy.join(", ")}` : ""}`).join("; ") : "none"}`);
  for (const comment of plan.comments) out.push("", `comment on #${comment.issue} by ${comment.postedBy}:`, ...comment.body.split("\n").map((line) => `  |${line ? ` ${line}` : ""}`));
  return `${out.join("\n")}\n`;
}
