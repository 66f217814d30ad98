/**
 * secrets-inherit: a job that calls a reusable workflow with `secrets: inherit` hands
 * it every secret of the repository (and organisation), whatever it needs. Listing
 * the secrets under `secrets:` keeps the grant reviewable and small. A warning: the
 * called workflow may be trusted code of the same repository.
 * Anchor: zizmor secrets-inherit.
 */
import type { Rule } from "../rule.ts";
import { jobsOf } from "../walk.ts";

export const secretsInherit: Rule = {
  id: "secrets-inherit",
  severity: "warning",
  what: "a job that calls a reusable workflow with `secrets: inherit`",
  why: "the called workflow receives every secret the repository can see, not the few it needs; a change there (or in a tag it is called by) can read them all",
  examples: {
    failing: `on: push
permissions: {}
jobs:
  release:
    permissions:
      contents: write
    uses: octo-org/shared/.github/workflows/release.yml@0123456789abcdef0123456789abcdef01234567
    secrets: inherit
`,
    passing: `on: push
permissions: {}
jobs:
  release:
    permissions:
      contents: write
    uses: octo-org/shared/.github/workflows/release.yml@0123456789abcdef0123456789abcdef01234567
    secrets:
      NPM_TOKEN: \${{ secrets.NPM_TOKEN }}
`,
  },
  check(document, report) {
    for (const job of jobsOf(document.workflow)) {
      const uses = job.job["uses"];
      if (typeof uses !== "string" || job.job["secrets"] !== "inherit") continue;
      report(`${job.path}.secrets`, `job "${job.id}" passes every secret to "${uses}" with "secrets: inherit"; list the secrets it needs under "secrets:" (NAME: \${{ secrets.NAME }})`);
    }
  },
};
