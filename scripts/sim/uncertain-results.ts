/**
 * Results the simulation reports as success but cannot vouch for: a step whose action
 * has no model (assumed to succeed), and steps a model runs as a no-op although GitHub
 * may refuse them for this event — a code-scanning upload or an attestation from a
 * fork's pull request, whose token is read-only and gets no OIDC token. Plans show
 * such a success as uncertain, with the reason, rather than as a plain success.
 */
import type { EventDescription } from "./event-description.ts";
import type { JobPlan, Plan, StepPlan } from "./simulate.ts";

/** Actions that need a write scope or an OIDC token, which a fork's pull request does not get. */
const REFUSED_TO_FORKS: Readonly<Record<string, string>> = {
  "github/codeql-action/upload-sarif": "GitHub may refuse the SARIF upload: a fork's pull request gets a read-only token (no security-events: write)",
  "github/codeql-action/analyze": "GitHub may refuse the code-scanning upload: a fork's pull request gets a read-only token (no security-events: write)",
  "actions/attest-sbom": "a fork's pull request gets no id-token: write, which the attestation needs",
  "actions/attest-build-provenance": "a fork's pull request gets no id-token: write, which the attestation needs",
  "actions/attest": "a fork's pull request gets no id-token: write, which the attestation needs",
};

/** Why a step's success is uncertain for this event, or undefined when the simulation vouches for it. */
export function stepUncertainty(step: StepPlan, event: EventDescription): string | undefined {
  if (step.result !== "success") return undefined;
  if (step.how === "no model") return "no model of the action: assumed to succeed";
  if (step.uses === undefined || event.event !== "pull_request" || event.fork === undefined) return undefined;
  // The action without its version: `owner/repo[/path]`.
  return REFUSED_TO_FORKS[step.uses.split("@")[0]!];
}

/** Whether a job's success rests on a step the simulation cannot vouch for. */
function jobIsUncertain(job: JobPlan, event: EventDescription): boolean {
  return job.result === "success" && job.steps.some((step) => stepUncertainty(step, event) !== undefined);
}

/** How a job ended, as plans and reviews show it: `success (uncertain)` when its success cannot be vouched for. */
export function jobOutcome(plan: Plan, jobId: string, event: EventDescription): string {
  if (!plan.triggered) return "not triggered";
  const job = plan.jobs[jobId];
  if (!job) return "absent";
  return jobIsUncertain(job, event) ? "success (uncertain)" : job.result;
}

/** How a step ended, as plans and reviews show it. */
export function stepOutcome(step: StepPlan, event: EventDescription): string {
  return stepUncertainty(step, event) === undefined ? step.result : "success (uncertain)";
}
