/**
 * needs-ref: a `needs.<job>…` reference to a job that is not a direct `needs` of
 * the reading job, an output that job does not declare, or a `needs:` entry naming
 * no job. The runner reads such a reference as an empty string, so a condition
 * built on it silently takes the wrong branch. The outputs of a job that calls a
 * reusable workflow are declared in that workflow, so they are not checked here.
 */
import { contextPathsOfValue } from "../expressions.ts";
import type { Rule } from "../rule.ts";
import { jobsOf, needsOf, scalarsOf } from "../walk.ts";

const JOB_PROPERTIES = new Set(["outputs", "result"]);

/** The kit's way to read a needed job: the accessor the job's body receives, which the compiler checks (text in raw() is not). */
const THROUGH_NEEDS = "read the job through needs(job).outputs.<name> (or needs(job).result) instead of raw() text";

export const needsRef: Rule = {
  id: "needs-ref",
  severity: "error",
  what: "a needs.<job> reference to a job that is not a direct need, or to an output that job does not declare",
  why: "the runner reads an unknown job or output as an empty string instead of failing",
  examples: {
    failing: `on: push
permissions: {}
jobs:
  a:
    outputs:
      tag: \${{ steps.tag.outputs.tag }}
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - id: tag
        run: echo "tag=v1" >> "$GITHUB_OUTPUT"
  b:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - env:
          TAG: \${{ needs.a.outputs.tag }}
        run: echo "$TAG"
`,
    passing: `on: push
permissions: {}
jobs:
  a:
    outputs:
      tag: \${{ steps.tag.outputs.tag }}
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - id: tag
        run: echo "tag=v1" >> "$GITHUB_OUTPUT"
  b:
    needs: a
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - env:
          TAG: \${{ needs.a.outputs.tag }}
        run: echo "$TAG"
`,
  },
  check(document, report) {
    const jobs = new Map(jobsOf(document.workflow).map((j) => [j.id, j]));
    for (const job of jobs.values()) {
      const needs = needsOf(job.job);
      const raw = job.job["needs"];
      needs.forEach((needed, i) => {
        if (!jobs.has(needed)) {
          const problem = `job "${job.id}" needs "${needed}", which is not a job of this workflow`;
          report(Array.isArray(raw) ? `${job.path}.needs[${i}]` : `${job.path}.needs`, `${problem}; fix the job id or add the job`, `${problem}; add that job's handle to the workflow's jobs: [...]`);
        }
      });
      for (const scalar of scalarsOf(job.job, job.path)) {
        for (const ref of contextPathsOfValue(scalar)) {
          const [root, neededId, property, output] = ref.segments;
          if (root !== "needs" || neededId === undefined) continue;
          const needed = jobs.get(neededId);
          if (!needs.includes(neededId)) {
            const problem = `job "${job.id}" reads "${ref.text}" but does not need "${neededId}"`;
            const fix = needed ? `add "${neededId}" to its needs` : `no job has id "${neededId}"; fix the reference`;
            report(scalar.path, `${problem}; ${fix}`, `${problem}; ${needed ? `add that job to its needs: [...] and ` : ""}${THROUGH_NEEDS}`);
            continue;
          }
          if (!needed) continue;
          if (property !== undefined && !JOB_PROPERTIES.has(property)) {
            const problem = `job "${job.id}" reads "${ref.text}" but a needed job has only outputs and result`;
            report(scalar.path, `${problem}; read "needs.${neededId}.outputs.${property}" if an output was meant`, `${problem}; ${THROUGH_NEEDS}`);
            continue;
          }
          // A job that calls a reusable workflow has the outputs that workflow declares, in another file.
          if (property !== "outputs" || output === undefined || typeof needed.job["uses"] === "string") continue;
          const outputs = needed.job["outputs"];
          const declared = outputs && typeof outputs === "object" ? Object.keys(outputs) : [];
          if (!declared.includes(output)) {
            const known = declared.length ? `it declares ${declared.map((o) => `"${o}"`).join(", ")}` : "it declares no outputs";
            const problem = `job "${job.id}" reads "${ref.text}" but job "${neededId}" does not declare output "${output}" (${known})`;
            report(scalar.path, `${problem}; add it to the outputs of "${neededId}" or read a declared one`, `${problem}; declare it in the outputs: { … } of "${neededId}", and ${THROUGH_NEEDS}`);
          }
        }
      }
    }
  },
};
