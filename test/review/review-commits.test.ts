/**
 * `npm run review` on real commits: a copy of the project in a git repository, a base
 * commit on main and a branch that changes one job of each workflow. Each part of the
 * report is read from the real command's output (the branch's markdown is rendered, as
 * the command renders it, from the review its json printed): no change gives empty
 * lists and exit 0; the branch's moved step, widened permission, new trigger, new lint
 * finding and changed behaviour are reported; going back reports the finding fixed.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { reviewMarkdown } from "../../scripts/review/markdown.ts";
import type { Review as FullReview } from "../../scripts/review/review-workflows.ts";
import { projectRepo, type ProjectRepo } from "./project-repo.ts";

const CHECK = ".github/workflows/workflows-check.yml";
const DOCKER = ".github/workflows/docker-build.yml";

let repo: ProjectRepo;
let baseCommit: string;

interface Review {
  base: string;
  workflows: {
    file: string;
    status: string;
    changes: { path: string; before: unknown; after: unknown; kind: string }[];
    behaviour: { scenario: string; job: string; step?: string; before: unknown; after: unknown; what: string }[];
    security: { kind: string; path: string; before: unknown; after: unknown }[];
    lint: { new: { rule: string; path: string }[]; fixed: { rule: string; path: string }[] };
    notes: string[];
  }[];
}

function reviewJson(...args: string[]): Review {
  const run = repo.review("--format", "json", ...args);
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as Review;
}

const workflow = (review: Review, file: string) => {
  const found = review.workflows.find((w) => w.file === file);
  assert.ok(found, `${file} is in the review`);
  return found;
};

before(() => {
  // Two docker-build scenarios keep the simulation short: a push to main (tags applied) and a chore pull request.
  repo = projectRepo((root) =>
    writeFileSync(
      path.join(root, "workflows-src/docker-build.scenarios.ts"),
      `import type { Scenario } from "../scripts/sim/scenario.ts";
export const scenarios: readonly Scenario[] = [
  { label: "push \`main\`", event: { event: "push", ref: "refs/heads/main", message: "feat: release" } },
  { label: "PR #7 \`chore:\`", event: { event: "pull_request", pr: 7, title: "chore: tidy scripts" } },
];
`,
    ),
  );
  baseCommit = repo.git("rev-parse", "HEAD");
});

after(() => repo?.remove());

test("with no change every list is empty and the exit code is 0", () => {
  const review = reviewJson();
  assert.equal(review.base, baseCommit, "the merge base with main is HEAD itself");
  assert.ok(review.workflows.some((w) => w.file === DOCKER) && review.workflows.some((w) => w.file === CHECK), "every emitted workflow is reviewed");
  for (const w of review.workflows) {
    assert.deepEqual({ status: w.status, changes: w.changes, behaviour: w.behaviour, security: w.security, lint: w.lint, notes: w.notes }, { status: "unchanged", changes: [], behaviour: [], security: [], lint: { new: [], fixed: [] }, notes: [] }, w.file);
  }
  const markdown = repo.review();
  assert.equal(markdown.status, 0, markdown.stderr);
  assert.match(markdown.stdout, /No workflow changes\./);
});

let changed: Review;

test("a branch that changes one job of each workflow is reviewed against its merge base with main", () => {
  repo.git("checkout", "--quiet", "-b", "change");
  const review = "workflows-src/workflows-check/review.ts";
  repo.edit(review, "steps: [checkout({ history: 2 }), ...nodeProject(), run],", "steps: [checkout({ history: 2 }), run, ...nodeProject()],");
  repo.edit(review, `permissions: { contents: "read" },`, `permissions: "write-all",`);
  repo.edit(review, `    if: isPullRequest,\n    "runs-on": "ubuntu-latest",\n    "timeout-minutes": 10,`, `    "runs-on": "ubuntu-latest",\n    "timeout-minutes": 10,`);
  repo.edit("workflows-src/workflows-check.ts", `push: { branches: ["main"], paths },`, `push: { branches: ["main"], paths },\n      schedule: [{ cron: "0 4 * * 1" }],`);
  repo.edit("workflows-src/docker-build/trivy-pr-app-only.ts", "  if: isPullRequest,\n", "");
  repo.edit("workflows-src/docker-build/build-and-push.ts", "type=raw,value=latest,", "type=raw,value=stable,");
  repo.git("commit", "--quiet", "--all", "-m", "change one job of each workflow");
  changed = reviewJson();
  assert.equal(changed.base, baseCommit);
  assert.deepEqual(changed.workflows.filter((w) => w.status !== "unchanged").map((w) => w.file), [DOCKER, CHECK]);
});

test("changes: a moved step is one move, its neighbours are not reported", () => {
  const { changes } = workflow(changed, CHECK);
  const steps = changes.filter((c) => c.path.startsWith("jobs.review.steps"));
  assert.deepEqual(steps, [{ path: "jobs.review.steps[1]", before: "jobs.review.steps[3]", after: "jobs.review.steps[1]", kind: "moved" }]);
  assert.deepEqual(changes.find((c) => c.path === "jobs.review.if"), { path: "jobs.review.if", before: "github.event_name == 'pull_request'", after: null, kind: "removed" });
});

test("security: the widened permissions and the new trigger", () => {
  const { security } = workflow(changed, CHECK);
  assert.deepEqual(security.find((s) => s.path === "jobs.review.permissions.pull-requests"), { kind: "permission-widened", path: "jobs.review.permissions.pull-requests", before: "none", after: "write" });
  assert.deepEqual(security.find((s) => s.path === "jobs.review.permissions.contents"), { kind: "permission-widened", path: "jobs.review.permissions.contents", before: "read", after: "write" });
  assert.deepEqual(security.find((s) => s.kind.startsWith("trigger")), { kind: "trigger-added", path: "on.schedule", before: null, after: [{ cron: "0 4 * * 1" }] });
  assert.ok(!security.some((s) => s.path.startsWith("jobs.check.") || s.path.startsWith("jobs.review-comment.")), "the other jobs' tokens did not change");
});

test("lint: the blanket permission is a new finding", () => {
  const { lint } = workflow(changed, CHECK);
  assert.deepEqual(lint.new.map((f) => [f.rule, f.path]), [["excessive-permissions", "jobs.review.permissions"]]);
  assert.deepEqual(lint.fixed, []);
});

test("behaviour: jobs that now run in a scenario, and the tags the build now applies", () => {
  const check = workflow(changed, CHECK).behaviour;
  assert.deepEqual(check, [
    { scenario: "push `main`", job: "review", before: "skipped", after: "success", what: "result" },
    { scenario: "manual run", job: "review", before: "skipped", after: "success", what: "result" },
  ]);
  const docker = workflow(changed, DOCKER).behaviour;
  assert.deepEqual(docker.find((b) => b.what === "result"), { scenario: "push `main`", job: "trivy-pr-app-only", before: "skipped", after: "success", what: "result" });
  const tags = docker.find((b) => b.what === "tags");
  assert.equal(tags?.scenario, "push `main`");
  assert.ok((tags?.before as string[]).includes("ghcr.io/wikid82/charon:latest"), JSON.stringify(tags));
  assert.ok((tags?.after as string[]).includes("ghcr.io/wikid82/charon:stable"), JSON.stringify(tags));
  assert.ok(!docker.some((b) => b.scenario !== "push `main`"), "nothing changed for the chore pull request");
});

test("the markdown leads with the behaviour, in words", () => {
  // The command renders the markdown from the review its json prints (the first test runs --format markdown itself).
  const markdown = reviewMarkdown(changed as unknown as FullReview);
  const section = markdown.slice(markdown.indexOf(`### \`${DOCKER}\``));
  const bullets = section.split("\n").filter((line) => line.startsWith("- "));
  assert.equal(bullets[0], "- `trivy-pr-app-only` now runs on push `main` (was skipped)");
  assert.match(markdown, /- `review` now runs on push `main`, manual run \(was skipped\)/);
  assert.match(markdown, /\*\*security\*\*: permission widened `jobs\.review\.permissions\.pull-requests`: `none` → `write`/);
});

test("going back: the finding is fixed, the permissions narrowed, the trigger removed", () => {
  repo.git("checkout", baseCommit, "--", ".");
  const review = reviewJson("--base", "HEAD");
  const check = workflow(review, CHECK);
  assert.deepEqual(check.lint.fixed.map((f) => [f.rule, f.path]), [["excessive-permissions", "jobs.review.permissions"]]);
  assert.deepEqual(check.lint.new, []);
  assert.ok(check.security.some((s) => s.kind === "permission-narrowed" && s.path === "jobs.review.permissions.pull-requests"));
  assert.ok(check.security.some((s) => s.kind === "trigger-removed" && s.path === "on.schedule"));
  assert.deepEqual(check.behaviour, [
    { scenario: "push `main`", job: "review", before: "success", after: "skipped", what: "result" },
    { scenario: "manual run", job: "review", before: "success", after: "skipped", what: "result" },
  ]);
});

test("a base that names no commit is refused with the fix, exit 1", () => {
  const run = repo.review("--base", "no-such-branch");
  assert.equal(run.status, 1);
  assert.match(run.stderr, /--base "no-such-branch" names no commit in this repository; give a branch, tag or commit/);
});
