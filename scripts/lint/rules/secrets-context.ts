/**
 * secrets-context: `secrets.*` read where GitHub does not provide the secrets context
 * (a step or job `if:`, `runs-on`, `concurrency`, a reusable workflow's `with:`…), which
 * GitHub rejects when the run starts; availability comes from GitHub's workflow schema
 * (workflow-schema.ts). Anchor: actionlint expression check.
 */
import { contextsAvailableAt } from "../workflow-schema.ts";
import { pathSegments } from "../../files/yaml-path.ts";
import { contextPathsOfValue } from "../expressions.ts";
import type { Rule } from "../rule.ts";
import { scalarsOf } from "../walk.ts";

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
      const secrets = [...new Set(contextPathsOfValue(scalar).filter((p) => p.segments[0] === "secrets").map((p) => p.text))];
      if (!secrets.length) continue;
      const segments = pathSegments(scalar.path);
      const available = contextsAvailableAt(segments);
      if (!available || available.includes("secrets")) continue;
      const place = isStepCondition(segments) ? 'a step "if:"' : `"${segments.filter((s) => typeof s === "string").pop() ?? scalar.path}:"`;
      const problem = `${secrets.map((s) => `"${s}"`).join(", ")} is read in ${place}, where GitHub provides no "secrets" context and rejects the workflow`;
      if (isStepCondition(segments)) {
        report(scalar.path, `${problem}; map it into the job's "env:" (e.g. HAS_TOKEN: \${{ secrets.NAME != '' }}) and test "env.HAS_TOKEN"`, `${problem}; map it into the job's env (HAS_TOKEN: ne(secret("NAME"), "")) and test envVar("HAS_TOKEN")`);
      } else {
        report(scalar.path, `${problem}; read it only in a step's "env:" or "with:" (or the job's "env:") and derive this value from there`, `${problem}; read secret(…) only in a step's env or with (or the job's env) and derive this value from there`);
      }
    }
  },
};

function isStepCondition(segments: readonly (string | number)[]): boolean {
  return segments.length === 5 && segments[2] === "steps" && segments[4] === "if";
}
