/**
 * guard-coverage: a step that reads an earlier step's outputs, or uses its product
 * (the image it built, the file it wrote), but can run when that step was skipped
 * or failed. Decided by replaying both conditions over every assignment of their
 * atoms with GitHub's evaluator (see `step-guard.ts`), so a guard must imply the
 * producer ran and succeeded, not merely look similar. This is the seed's bug: a
 * save step guarded by the event only, after a build also guarded by a skip flag.
 */
import { contextPathsOfValue } from "../expressions.ts";
import { productUses } from "../products.ts";
import type { Rule } from "../rule.ts";
import { describeValues, guardVerdict } from "../step-guard.ts";
import { jobsOf, scalarsOf, stepLabel, stepsOf, type StepEntry } from "../walk.ts";

export const guardCoverage: Rule = {
  id: "guard-coverage",
  severity: "error",
  what: "a step that reads another step's outputs or uses its image or file but can run when that step was skipped or failed",
  why: "the consumer then works on an empty value or a missing image and fails far from the cause (the docker save \"reference does not exist\" bug)",
  examples: {
    failing: `on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - id: build
        if: github.event_name == 'push'
        run: echo "tag=v1" >> "$GITHUB_OUTPUT"
      - env:
          TAG: \${{ steps.build.outputs.tag }}
        run: echo "$TAG"
`,
    passing: `on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - id: build
        if: github.event_name == 'push'
        run: echo "tag=v1" >> "$GITHUB_OUTPUT"
      - if: steps.build.outcome == 'success'
        env:
          TAG: \${{ steps.build.outputs.tag }}
        run: echo "$TAG"
`,
  },
  check(document, report) {
    for (const job of jobsOf(document.workflow)) {
      const steps = stepsOf(job);
      for (const consumer of steps) {
        const earlier = steps.filter((s) => s.index < consumer.index);
        for (const { producer, what } of dependencies(consumer, earlier)) {
          const verdict = guardVerdict(steps, producer, consumer);
          if (verdict.kind === "guarded") continue;
          const name = producer.id ?? stepLabel(producer);
          const guard = producer.id ? `guard it with after: [${producer.id}] (add "steps.${producer.id}.outcome == 'success'" to its if:)` : `give step "${name}" an id and guard this step on its outcome`;
          if (verdict.kind === "undecided") {
            report(`${consumer.path}.if`, `step "${stepLabel(consumer)}" ${what} "${name}" but its conditions have too many cases (${verdict.cases}) to prove it runs only after "${name}" succeeded; ${guard}`);
            continue;
          }
          const when = verdict.example.values.size ? ` (e.g. when ${describeValues(verdict.example.values)})` : "";
          const happened = verdict.example.producerOutcome === "skipped" ? "was skipped" : "failed";
          report(`${consumer.path}.if`, `step "${stepLabel(consumer)}" ${what} "${name}" but can run when "${name}" ${happened}${when}; ${guard}`);
        }
      }
    }
  },
};

/**
 * Earlier steps the consumer depends on: those whose outputs it reads, then those
 * whose products it uses; one entry per producer. An output read into an env
 * variable that the script only ever expands with a default (`${COUNT:-n/a}`) is
 * tolerated: the script visibly handles the empty value of a skipped producer.
 */
function dependencies(consumer: StepEntry, earlier: readonly StepEntry[]): { producer: StepEntry; what: string }[] {
  const found = new Map<StepEntry, string>();
  const env = `${consumer.path}.env.`;
  for (const scalar of scalarsOf(consumer.step, consumer.path)) {
    if (scalar.path.startsWith(env) && expandedOnlyWithDefault(consumer.step["run"], scalar.path.slice(env.length))) continue;
    for (const ref of contextPathsOfValue(scalar)) {
      const [root, id, property] = ref.segments;
      const producer = earlier.find((s) => s.id === id);
      if (root === "steps" && property === "outputs" && producer && !found.has(producer)) found.set(producer, `reads "${ref.text}" of`);
    }
  }
  for (const use of productUses(consumer, earlier)) if (!found.has(use.producer)) found.set(use.producer, use.what);
  return [...found].map(([producer, what]) => ({ producer, what }));
}

/** True when a shell script uses the variable, and every use is `${NAME:-…}` / `${NAME-…}` (shell text, not an expression). */
function expandedOnlyWithDefault(run: unknown, name: string): boolean {
  if (typeof run !== "string" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return false;
  const uses = [...run.matchAll(new RegExp(`\\$(?:\\{)?${name}(?![A-Za-z0-9_])(:?-)?`, "g"))];
  return uses.length > 0 && uses.every((use) => use[0].startsWith("${") && use[1] !== undefined);
}
