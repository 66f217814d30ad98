/**
 * The events `workflows-check.yml` is simulated for: a pull request from a branch
 * of the repository (the review is posted as a comment), one from a fork (its token
 * cannot comment: the comment job is skipped), a push to main (no review) and a push
 * to another branch (the workflow does not start), and the manual run
 * renovate-regenerate.yml starts for the commits it pushes.
 */
import type { Scenario } from "../scripts/sim/scenario.ts";

export const scenarios: readonly Scenario[] = [
  { label: "PR #21 from a branch", event: { event: "pull_request", pr: 21, title: "feat: a new job" } },
  { label: "PR #22 from a fork", event: { event: "pull_request", pr: 22, fork: "contributor", title: "fix: a typo" } },
  { label: "push `main`", event: { event: "push", ref: "refs/heads/main", message: "feat: a new job" } },
  { label: "push `feature/x`", event: { event: "push", ref: "refs/heads/feature/x", message: "wip" } },
  { label: "manual run", event: { event: "workflow_dispatch" } },
];
