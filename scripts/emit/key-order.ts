/**
 * The conventional key order of workflow files. Keys listed here come first, in
 * this order; any other key keeps the author's order after them. Maps the author
 * owns (env, with, outputs, permissions) keep their insertion order.
 */
const workflowKeys = ["name", "on", "permissions", "env", "concurrency", "defaults", "jobs"];
const jobKeys = ["name", "needs", "if", "runs-on", "timeout-minutes", "permissions", "environment", "concurrency", "outputs", "env", "defaults", "strategy", "container", "services", "steps"];
const stepKeys = ["name", "id", "if", "uses", "run", "shell", "working-directory", "with", "env", "continue-on-error", "timeout-minutes"];

function ordered(node: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (node[key] !== undefined) out[key] = node[key];
  for (const [key, value] of Object.entries(node)) if (!(key in out) && value !== undefined) out[key] = value;
  return out;
}

/** A copy of the workflow model with keys in the conventional order. */
export function orderWorkflowKeys(workflow: object): Record<string, unknown> {
  const top = ordered(workflow as Record<string, unknown>, workflowKeys);
  const jobs = top["jobs"] as Record<string, Record<string, unknown>> | undefined;
  if (jobs) {
    top["jobs"] = Object.fromEntries(
      Object.entries(jobs).map(([id, job]) => {
        const orderedJob = ordered(job, jobKeys);
        const steps = orderedJob["steps"] as Record<string, unknown>[] | undefined;
        if (steps) orderedJob["steps"] = steps.map((step) => ordered(step, stepKeys));
        return [id, orderedJob];
      }),
    );
  }
  return top;
}
