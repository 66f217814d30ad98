/**
 * The parts of a workflow the simulation reads, validated with zod before it runs
 * (the full schema is checked elsewhere by GitHub's workflow parser; here keys the
 * simulation does not read are let through).
 */
import { z } from "zod";

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const scalarMap = z.record(z.string(), scalar.nullable());

const defaults = z.looseObject({ run: z.looseObject({ shell: z.string().optional(), "working-directory": z.string().optional() }).optional() });

const step = z.looseObject({
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

const job = z.looseObject({
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

const branchFilter = z.looseObject({
  branches: z.array(z.string()).optional(),
  "branches-ignore": z.array(z.string()).optional(),
  paths: z.array(z.string()).optional(),
  "paths-ignore": z.array(z.string()).optional(),
});

export const workflowShape = z.looseObject({
  name: z.string().optional(),
  on: z.union([z.string(), z.array(z.string()), z.record(z.string(), branchFilter.nullable())]),
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
