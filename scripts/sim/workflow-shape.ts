/**
 * The parts of a workflow the simulation reads, validated with zod before it runs
 * (the full schema is checked elsewhere by GitHub's workflow parser). Keys the
 * simulation does not read are dropped, so the parsed shape is exactly the
 * simulation's input: a plan is remembered by it (input-digest.ts), and a change of
 * an undeclared key (a job's `timeout-minutes`, `runs-on`, `permissions`) cannot change
 * a plan. A key the simulation starts to read must be declared here first. What the
 * shape says of the triggers is read in triggers.ts, which loads no zod.
 */
import { z } from "zod";

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const scalarMap = z.record(z.string(), scalar.nullable());

const defaults = z.object({ run: z.object({ shell: z.string().optional(), "working-directory": z.string().optional() }).optional() });

const step = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  if: scalar.optional(),
  uses: z.string().optional(),
  run: z.string().optional(),
  shell: z.string().optional(),
  with: scalarMap.optional(),
  env: scalarMap.optional(),
  "continue-on-error": scalar.optional(),
  "working-directory": z.string().optional(),
});

const job = z.object({
  name: z.string().optional(),
  needs: z.union([z.string(), z.array(z.string())]).optional(),
  if: scalar.optional(),
  env: scalarMap.optional(),
  outputs: z.record(z.string(), z.string()).optional(),
  steps: z.array(step).optional(),
  uses: z.string().optional(),
  strategy: z.unknown().optional(),
  defaults: defaults.optional(),
});

const branchFilter = z.object({
  types: z.union([z.string(), z.array(z.string())]).optional(),
  branches: z.array(z.string()).optional(),
  "branches-ignore": z.array(z.string()).optional(),
  tags: z.array(z.string()).optional(),
  "tags-ignore": z.array(z.string()).optional(),
  paths: z.array(z.string()).optional(),
  "paths-ignore": z.array(z.string()).optional(),
});

export const workflowShape = z.object({
  name: z.string().optional(),
  // Events other than push and pull_request have other shapes (schedule is a list); only the filters are read.
  on: z.union([z.string(), z.array(z.string()), z.record(z.string(), z.union([branchFilter, z.array(z.unknown())]).nullable())]),
  env: scalarMap.optional(),
  defaults: defaults.optional(),
  jobs: z.record(z.string(), job),
});

export type WorkflowShape = z.infer<typeof workflowShape>;
export type JobShape = z.infer<typeof job>;
export type StepShape = z.infer<typeof step>;
export type TriggerFilter = z.infer<typeof branchFilter>;

/** Validates a parsed workflow for simulation; the error names each bad path. */
export function parseWorkflowShape(file: string, workflow: unknown): WorkflowShape {
  const parsed = workflowShape.safeParse(workflow);
  if (!parsed.success) {
    throw new Error(`${file}: cannot be simulated:\n  ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("\n  ")}`);
  }
  return parsed.data;
}
