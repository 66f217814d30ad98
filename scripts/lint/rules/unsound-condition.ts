/**
 * unsound-condition: an `if:` whose value has text outside its `${{ }}` (`${{ a }} && b`,
 * or the newline a `|` block scalar keeps) is a string template, not an expression; the
 * result is a non-empty string, which GitHub treats as true, so the step always runs.
 * Anchors: zizmor unsound-condition, actionlint if-cond.
 */
import { splitTemplate } from "../../../workflows-src/kit/expression-syntax.ts";
import type { Report, Rule } from "../rule.ts";
import { jobsOf, stepsOf } from "../walk.ts";

export const unsoundCondition: Rule = {
  id: "unsound-condition",
  severity: "error",
  documents: ["workflow", "action"],
  what: "a job or step `if:` with text outside its `${{ }}`, including the trailing newline of a `|` block scalar",
  why: "such a value is a string template whose result is never empty, so the condition is always true and the guard it was meant to be does nothing",
  examples: {
    failing: `on: push
permissions: {}
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - if: \${{ github.ref == 'refs/heads/main' }} && \${{ github.event_name == 'push' }}
        run: echo "deploying"
`,
    passing: `on: push
permissions: {}
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - if: github.ref == 'refs/heads/main' && github.event_name == 'push'
        run: echo "deploying"
`,
  },
  check(document, report) {
    for (const job of jobsOf(document.workflow)) {
      checkCondition(`${job.path}.if`, job.job["if"], report);
      for (const step of stepsOf(job)) checkCondition(`${step.path}.if`, step.step["if"], report);
    }
  },
};

function checkCondition(path: string, value: unknown, report: Report): void {
  if (typeof value !== "string") return;
  let parts;
  try {
    parts = splitTemplate(value);
  } catch {
    return;
  }
  if (!parts.some((part) => part.kind === "expression")) return;
  const outside = parts.flatMap((part) => (part.kind === "text" ? [part.text] : []));
  if (!outside.length) return;
  const problem = `"if:" has text outside "\${{ }}" (${outside.map((t) => JSON.stringify(t)).join(", ")}), so it is a non-empty string and always true`;
  report(path, `${problem}; write the whole condition as one expression without "\${{ }}" on a single line (or a ">-" block)`, `${problem}; build the condition from the kit's and(), or(), eq() and not() instead of text`);
}
