/**
 * excessive-permissions: a job that runs with the repository's default token (no
 * `permissions` on the job or the workflow), or a `write-all` grant. In the workflows
 * the project emits, its stricter policy applies too: top-level `permissions` without
 * write scopes (best `{}`), every job its own block, and never `read-all`.
 * Anchors: zizmor excessive-permissions, Scorecard Token-Permissions.
 */
import type { Report, Rule } from "../rule.ts";
import { isYamlMap, jobsOf } from "../walk.ts";

export const excessivePermissions: Rule = {
  id: "excessive-permissions",
  severity: "error",
  what: "a job that runs with the default token (no `permissions` on it or the workflow) or a `write-all` grant; in emitted workflows also a top-level block missing or with write scopes, a job without its own block, or `read-all`",
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
    const jobs = jobsOf(document.workflow);
    if (document.emitted) {
      if (top === undefined) {
        const problem = `the workflow has no top-level "permissions", so jobs get the default token`;
        report("permissions", `${problem}; add "permissions: {}" and grant each job what it needs`, `${problem}; give workflow(…) "permissions: {}" and each job what it needs in its own "permissions"`);
      } else if (!checkBlanket("permissions", top, "the workflow", report) && isYamlMap(top)) {
        for (const [scope, level] of Object.entries(top)) {
          const problem = `the workflow grants "${scope}: write" to every job`;
          if (level === "write") report(`permissions.${scope}`, `${problem}; move it to the jobs that need it and keep the top level "{}"`, `${problem}; move it to the "permissions" of the jobs that need it (in their job(…) bodies) and keep the workflow's "{}"`);
        }
      }
      for (const job of jobs) {
        const own = job.job["permissions"];
        if (own === undefined) report(`${job.path}.permissions`, `job "${job.id}" has no "permissions" block and inherits the workflow's; give it its own block with only the scopes it needs (or "{}")`);
        else checkBlanket(`${job.path}.permissions`, own, `job "${job.id}"`, report);
      }
      return;
    }
    if (top === "write-all") checkBlanket("permissions", top, "the workflow", report);
    for (const job of jobs) {
      const own = job.job["permissions"];
      if (own === "write-all") checkBlanket(`${job.path}.permissions`, own, `job "${job.id}"`, report);
      else if (own === undefined && top === undefined) {
        report(`${job.path}.permissions`, `job "${job.id}" runs with the repository's default token (neither the job nor the workflow sets "permissions"), which can grant write access to everything; give the job a block with only the scopes it needs (or "{}")`);
      }
    }
  },
};

/** Reports `write-all` / `read-all` (or any other string); true when the block is such a string. */
function checkBlanket(path: string, value: unknown, owner: string, report: Report): boolean {
  if (typeof value !== "string") return false;
  const problem = `${owner} sets "permissions: ${value}"`;
  report(path, `${problem}; list the scopes it needs instead (e.g. "contents: read")`, `${problem}; give it a "permissions" object with only the scopes it needs (e.g. { contents: "read" })`);
  return true;
}
