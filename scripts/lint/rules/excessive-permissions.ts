/**
 * excessive-permissions: the workflow must set top-level `permissions` without write
 * scopes (best `{}`), and every job its own block with only what it needs; `write-all`
 * and `read-all` are never right. Otherwise every job gets the repository's default
 * token. Anchors: zizmor excessive-permissions, Scorecard Token-Permissions.
 */
import type { Report, Rule } from "../rule.ts";
import { isYamlMap, jobsOf } from "../walk.ts";

export const excessivePermissions: Rule = {
  id: "excessive-permissions",
  severity: "error",
  what: "a workflow without top-level `permissions`, a write scope at the top level, a job without its own `permissions`, or `write-all`/`read-all`",
  why: "without explicit blocks every job gets the repository's default token, often with write access; a compromised step can then push code or publish packages",
  examples: {
    failing: `on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: npm test
`,
    passing: `on: push
permissions: {}
jobs:
  test:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - run: npm test
`,
  },
  check(document, report) {
    const top = document.workflow["permissions"];
    if (top === undefined) {
      report("permissions", `the workflow has no top-level "permissions", so jobs get the default token; add "permissions: {}" and grant each job what it needs`);
    } else if (!checkBlanket("permissions", top, "the workflow", report) && isYamlMap(top)) {
      for (const [scope, level] of Object.entries(top)) {
        if (level === "write") {
          report(`permissions.${scope}`, `the workflow grants "${scope}: write" to every job; move it to the jobs that need it and keep the top level "{}"`);
        }
      }
    }
    for (const job of jobsOf(document.workflow)) {
      const own = job.job["permissions"];
      if (own === undefined) {
        report(`${job.path}.permissions`, `job "${job.id}" has no "permissions" block and inherits the workflow's; give it its own block with only the scopes it needs (or "{}")`);
      } else {
        checkBlanket(`${job.path}.permissions`, own, `job "${job.id}"`, report);
      }
    }
  },
};

/** Reports `write-all` / `read-all` (or any other string); true when the block is such a string. */
function checkBlanket(path: string, value: unknown, owner: string, report: Report): boolean {
  if (typeof value !== "string") return false;
  report(path, `${owner} sets "permissions: ${value}"; list the scopes it needs instead (e.g. "contents: read")`);
  return true;
}
