/**
 * The events `docker-build.yml` is simulated for (its plan report and `npm run
 * review`): the seed's test plan (PR numbers of one, two and three digits from owners
 * of every letter case, skipped builds for chore and Renovate pull requests, pushes to
 * each release branch, a manual run) plus the edge cases of the skip rule and a pull
 * request from a fork (read-only token: its comment is refused).
 */
import type { Scenario } from "../scripts/sim/scenario.ts";

export const scenarios: readonly Scenario[] = [
  { label: "PR #5 (Wikid82)", event: { event: "pull_request", pr: 5, owner: "Wikid82", title: "feat: add health endpoint" } },
  { label: "PR #42 (TestUser)", event: { event: "pull_request", pr: 42, owner: "TestUser", title: "fix: handle empty config" } },
  { label: "PR #123 (UPPERCASE)", event: { event: "pull_request", pr: 123, owner: "UPPERCASE", title: "feat: new proxy mode" } },
  { label: "PR #7 `chore:`", event: { event: "pull_request", pr: 7, title: "chore: tidy scripts" } },
  { label: "PR #8 `chore(deps):`", event: { event: "pull_request", pr: 8, title: "chore(deps): update node to v20.20" } },
  { label: "PR #9 by `renovate[bot]`", event: { event: "pull_request", pr: 9, actor: "renovate[bot]", title: "fix(deps): update module golang.org/x/net to v0.40.0" } },
  { label: "PR #10 `chore:` from feature/", event: { event: "pull_request", pr: 10, head: "feature/beta-release", title: "chore: sync beta" } },
  { label: "PR #11 from a fork", event: { event: "pull_request", pr: 11, fork: "contributor", title: "fix: typo in docs" } },
  { label: "push `main`", event: { event: "push", ref: "refs/heads/main", message: "feat: release" } },
  { label: "push `development`", event: { event: "push", ref: "refs/heads/development", message: "fix: bug" } },
  { label: "push `development` `chore:`", event: { event: "push", ref: "refs/heads/development", message: "chore: bump version" } },
  { label: "push `feature/beta-release`", event: { event: "push", ref: "refs/heads/feature/beta-release", message: "chore: beta sync" } },
  { label: "manual run", event: { event: "workflow_dispatch" } },
];
