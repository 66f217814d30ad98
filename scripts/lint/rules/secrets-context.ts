/**
 * secrets-context: `secrets.*` read where GitHub does not provide the secrets context
 * (a step or job `if:`, `runs-on`, `concurrency`, a reusable workflow's `with:`…); GitHub
 * rejects such a workflow when it starts. The places come from the contexts that
 * GitHub's workflow schema allows per key. Anchor: actionlint expression check.
 */
import { pathSegments } from "../document.ts";
import { contextPathsOfValue } from "../expressions.ts";
import type { Rule } from "../rule.ts";
import { scalarsOf } from "../walk.ts";

/** Path patterns (`*` = any one key or index) and whether `secrets` is available below them; the longest match decides. */
const AVAILABILITY: readonly (readonly [pattern: string, allowed: boolean])[] = [
  ["run-name", false],
  ["concurrency", false],
  ["on.workflow_call.inputs.*.default", false],
  ["on.workflow_call.outputs.*.value", false],
  ["jobs.*.if", false],
  ["jobs.*.name", false],
  ["jobs.*.strategy", false],
  ["jobs.*.runs-on", false],
  ["jobs.*.concurrency", false],
  ["jobs.*.environment", false],
  ["jobs.*.defaults", false],
  ["jobs.*.timeout-minutes", false],
  ["jobs.*.continue-on-error", false],
  ["jobs.*.with", false],
  ["jobs.*.container", false],
  ["jobs.*.container.credentials", true],
  ["jobs.*.container.env", true],
  ["jobs.*.services", false],
  ["jobs.*.services.*.credentials", true],
  ["jobs.*.services.*.env", true],
  ["jobs.*.steps.*.if", false],
];

const PATTERNS = AVAILABILITY.map(([pattern, allowed]) => ({ segments: pattern.split("."), allowed }));

export const secretsContext: Rule = {
  id: "secrets-context",
  severity: "error",
  what: "an expression that reads `secrets` in a key where GitHub does not provide the secrets context, such as a step or job `if:`",
  why: "GitHub rejects the whole workflow when it starts, so the run fails before any job; the secret must first be mapped into `env:` (or a step input) where it is allowed",
  examples: {
    failing: `on: push
permissions: {}
jobs:
  publish:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - if: secrets.DOCKERHUB_TOKEN != ''
        run: echo "token present"
`,
    passing: `on: push
permissions: {}
jobs:
  publish:
    runs-on: ubuntu-latest
    permissions: {}
    env:
      HAS_DOCKERHUB_TOKEN: \${{ secrets.DOCKERHUB_TOKEN != '' }}
    steps:
      - if: env.HAS_DOCKERHUB_TOKEN == 'true'
        run: echo "token present"
`,
  },
  check(document, report) {
    for (const scalar of scalarsOf(document.workflow, "")) {
      if (typeof scalar.value !== "string" || secretsAllowed(pathSegments(scalar.path))) continue;
      const secrets = [...new Set(contextPathsOfValue(scalar).filter((p) => p.segments[0] === "secrets").map((p) => p.text))];
      if (!secrets.length) continue;
      const fix = isStepCondition(pathSegments(scalar.path))
        ? `map it into the job's "env:" (e.g. HAS_TOKEN: \${{ secrets.NAME != '' }}) and test "env.HAS_TOKEN"`
        : `read it only in a step's "env:" or "with:" (or the job's "env:") and derive this value from there`;
      report(scalar.path, `${secrets.map((s) => `"${s}"`).join(", ")} is read in "${scalar.path}", where GitHub provides no "secrets" context and rejects the workflow; ${fix}`);
    }
  },
};

function secretsAllowed(segments: readonly (string | number)[]): boolean {
  let best: { length: number; allowed: boolean } = { length: -1, allowed: true };
  for (const pattern of PATTERNS) {
    if (pattern.segments.length > segments.length || pattern.segments.length <= best.length) continue;
    if (pattern.segments.every((p, i) => p === "*" || p === String(segments[i]))) best = { length: pattern.segments.length, allowed: pattern.allowed };
  }
  return best.allowed;
}

function isStepCondition(segments: readonly (string | number)[]): boolean {
  return segments.length === 5 && segments[2] === "steps" && segments[4] === "if";
}
