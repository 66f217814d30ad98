/**
 * template-injection: a `${{ }}` inside a `run:` script or inside actions/github-script's
 * `script:` is pasted into code before the code runs, so a branch name or PR title can
 * become commands. Values must reach scripts through `env:` and be read as "$VAR" or
 * `process.env.VAR`. In the workflows the project emits, every pasted expression is
 * reported (its policy: none at all); in other files, those whose value can carry text
 * that others choose (untrusted-values.ts), since pasting a commit SHA is not a defect.
 * Anchors: zizmor template-injection, GitHub's script-injection guide.
 */
import { splitTemplate } from "../../../workflows-src/kit/expression-syntax.ts";
import type { WorkflowDocument } from "../document.ts";
import { expressionsOf } from "../expressions.ts";
import type { Rule } from "../rule.ts";
import { mayCarryUntrustedText } from "../untrusted-values.ts";
import { actionOf, allSteps, isYamlMap, stepLabel, type StepEntry } from "../walk.ts";

export const templateInjection: Rule = {
  id: "template-injection",
  severity: "error",
  documents: ["workflow", "action"],
  what: "a `${{ }}` expression inside a `run:` script or inside `actions/github-script`'s `script:`",
  why: "the expression is pasted into the code before it runs, so attacker-controlled text (a branch name, a PR title) becomes shell or JavaScript; through `env:` it stays data",
  examples: {
    failing: `on: pull_request
permissions: {}
jobs:
  greet:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: echo "title \${{ github.event.pull_request.title }}"
`,
    passing: `on: pull_request
permissions: {}
jobs:
  greet:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - env:
          TITLE: \${{ github.event.pull_request.title }}
        run: echo "title $TITLE"
`,
  },
  check(document, report) {
    for (const entry of allSteps(document.workflow)) {
      const run = entry.step["run"];
      if (typeof run === "string") {
        const pasted = pastedExpressions(document, entry, run);
        if (pasted.length) {
          const problem = `step "${stepLabel(entry)}" pastes ${pasted.join(", ")} into its shell script`;
          report(`${entry.path}.run`, `${problem}; pass each value through the step's "env:" and read it as "$NAME"`, `${problem}; pass each value in the step's env: { NAME: value } and read it as "$NAME" in the script`);
        }
      }
      const inputs = entry.step["with"];
      if (actionOf(entry.step) === "actions/github-script" && isYamlMap(inputs) && typeof inputs["script"] === "string") {
        const pasted = pastedExpressions(document, entry, inputs["script"]);
        if (pasted.length) {
          const problem = `step "${stepLabel(entry)}" pastes ${pasted.join(", ")} into its JavaScript`;
          report(`${entry.path}.with.script`, `${problem}; pass each value through the step's "env:" and read it as "process.env.NAME"`, `${problem}; pass each value in the step's env: { NAME: value } and read it as "process.env.NAME" in the body`);
        }
      }
    }
  },
};

/** The `${{ }}` expressions of a script that the document's policy reports, quoted for a message; an unterminated `${{` counts too. */
function pastedExpressions(document: WorkflowDocument, entry: StepEntry, script: string): string[] {
  let parts;
  try {
    parts = splitTemplate(script);
  } catch {
    return ['an unterminated "${{"'];
  }
  const scope = { workflow: document.workflow, job: entry.job.job, step: entry.step };
  return parts.flatMap((part) => {
    if (part.kind !== "expression") return [];
    const untrusted = document.emitted || expressionsOf({ value: `\${{ ${part.text} }}`, isCondition: false }).some((e) => mayCarryUntrustedText(e.ast, scope));
    return untrusted ? [`"\${{ ${part.text} }}"`] : [];
  });
}
