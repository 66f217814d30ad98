/**
 * Plans remembered per machine: a simulation runs bash for the scripts that decide
 * the path and takes about a second per event, and the same workflow text simulated
 * for the same event with the same simulation code gives the same plan. So the plan
 * report (`npm run gen`) and `npm run review` keep each plan under the digest of
 * those three inputs, and the review of a change that `gen` has already simulated,
 * or of a base reviewed before, runs no simulation.
 */
import { createHash } from "node:crypto";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { jsonCache } from "../files/json-cache.ts";
import { inputsDigest } from "../pipeline/report-cache.ts";
import type { EventDescription } from "./event.ts";
import type { Plan } from "./simulate.ts";

/** Everything besides the workflow text and the event that can change a plan. */
export const SIMULATION_INPUTS = ["scripts/sim", "scripts/expressions", "workflows-src/kit/expression-syntax.ts", "package-lock.json"];

const plans = jsonCache<Plan>("plans");
let tooling: string | undefined;

/** The plan of `workflowText` for `event`: remembered, or computed by `simulate` and remembered. */
export async function rememberedPlan(workflowText: string, event: EventDescription, simulate: () => Promise<Plan>): Promise<Plan> {
  // The simulation's sources are read and digested once per process.
  tooling ??= inputsDigest(PROJECT_ROOT, [], SIMULATION_INPUTS);
  const key = createHash("sha256").update(`${tooling}\0${workflowText.length}:${workflowText}\0${JSON.stringify(event)}`).digest("hex");
  const known = plans.read(key);
  if (known) return known;
  const plan = await simulate();
  plans.write(key, plan);
  return plan;
}
