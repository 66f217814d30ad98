/**
 * step-ref: a `steps.<id>…` reference to a step that is not an earlier step of the
 * same job, or to an output that step does not declare. Such a reference reads as
 * an empty string at run time, so the bug shows up later as a wrong tag or a
 * skipped guard, far from its cause.
 */
import { contextPathsOfValue } from "../expressions.ts";
import type { Rule } from "../rule.ts";
import { declaredOutputsOf } from "../step-outputs.ts";
import { isYamlMap, jobsOf, scalarsOf, stepLabel, stepsOf, type StepEntry } from "../walk.ts";

const STEP_PROPERTIES = new Set(["outputs", "outcome", "conclusion"]);

/** The kit's way to read a step: its handle, which the compiler checks (text in raw() is not). */
const THROUGH_HANDLE = "read the step through its handle (step.outputs.<name>, step.outcome) instead of raw() text";

export const stepRef: Rule = {
  id: "step-ref",
  severity: "error",
  documents: ["workflow", "action"],
  what: "a steps.<id> reference to a step that is not an earlier step of the job, or to an output the step does not declare",
  why: "an unknown step or output reads as an empty string at run time instead of failing",
  examples: {
    failing: `on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - env:
          TAG: \${{ steps.tag.outputs.tag }}
        run: echo "$TAG"
      - id: tag
        run: echo "tag=v1" >> "$GITHUB_OUTPUT"
`,
    passing: `on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - id: tag
        run: echo "tag=v1" >> "$GITHUB_OUTPUT"
      - env:
          TAG: \${{ steps.tag.outputs.tag }}
        run: echo "$TAG"
`,
  },
  check(document, report) {
    for (const job of jobsOf(document.workflow)) {
      const steps = stepsOf(job);
      const check = (scopeSteps: readonly StepEntry[], node: unknown, path: string, where: string): void => {
        for (const scalar of scalarsOf(node, path)) {
          for (const ref of contextPathsOfValue(scalar)) {
            const [root, stepId, property, output] = ref.segments;
            if (root !== "steps" || stepId === undefined) continue;
            const producer = scopeSteps.find((s) => s.id === stepId);
            if (!producer) {
              const later = steps.some((s) => s.id === stepId);
              const problem = `${where} reads "${ref.text}" but job "${job.id}" has no ${later ? "earlier " : ""}step with id "${stepId}"`;
              if (later) report(scalar.path, `${problem}; move the reader after that step`, `${problem}; place the reader after that step in the job's steps`);
              else report(scalar.path, `${problem}; give the producing step that id or fix the reference`, `${problem}; ${THROUGH_HANDLE}`);
              continue;
            }
            if (property !== undefined && !STEP_PROPERTIES.has(property)) {
              const problem = `${where} reads "${ref.text}" but a step has only outputs, outcome and conclusion`;
              report(scalar.path, `${problem}; read "steps.${stepId}.outputs.${property}" if an output was meant`, `${problem}; ${THROUGH_HANDLE}`);
              continue;
            }
            if (property !== "outputs" || output === undefined) continue;
            const declared = declaredOutputsOf(document.workflow, producer);
            if (declared && !declared.has(output)) {
              const known = declared.size ? `it declares ${[...declared].map((o) => `"${o}"`).join(", ")}` : "it declares no outputs";
              const problem = `${where} reads "${ref.text}" but step "${stepLabel(producer)}" does not declare output "${output}" (${known})`;
              report(
                scalar.path,
                `${problem}; read a declared output or write "${output}" to "$GITHUB_OUTPUT" in that step`,
                `${problem}; ${THROUGH_HANDLE}, or declare "${output}" in that step's outputs: [...] and write it to "$GITHUB_OUTPUT"`,
              );
            }
          }
        }
      };
      for (const step of steps) check(steps.filter((s) => s.index < step.index), step.step, step.path, `step "${stepLabel(step)}"`);
      const outputs = job.job["outputs"];
      if (outputs !== undefined) check(steps, outputs, `${job.path}.outputs`, `job "${job.id}" outputs`);
      // An environment's name is read before the steps run; its url when the job ends, so the url may name any step of the job.
      const environment = job.job["environment"];
      if (typeof environment === "string") check([], environment, `${job.path}.environment`, `job "${job.id}"`);
      if (isYamlMap(environment)) {
        check([], environment["name"], `${job.path}.environment.name`, `job "${job.id}"`);
        check(steps, environment["url"], `${job.path}.environment.url`, `job "${job.id}" environment url`);
      }
      for (const key of ["if", "env", "name", "runs-on", "strategy", "concurrency"] as const) {
        if (job.job[key] !== undefined) check([], job.job[key], `${job.path}.${key}`, `job "${job.id}"`);
      }
    }
  },
};
