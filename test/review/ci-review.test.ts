/**
 * The review in CI, as emitted in `workflows-check.yml`: it runs on pull requests only,
 * the job that runs the project's code reads the repository and nothing else, and only
 * the comment job may write to pull requests, only for branches of this repository.
 * The comment script, run as emitted with a stand-in for the GitHub CLI (which answers
 * the listing through the real jq), edits the one marked comment of the bot in place,
 * or creates it when there is none.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { emittedWorkflow, emittedWorkflows } from "../support/emitted.ts";

const check = await emittedWorkflow("workflows-check.yml");
const jobs = check["jobs"] as Record<string, { if?: string; permissions: Record<string, string>; needs?: string[]; steps: { uses?: string; with?: Record<string, unknown>; run?: string; env?: Record<string, string> }[] }>;
const MARKER = "<!-- charon-workflows-review -->";

test("no workflow is started by pull_request_target", async () => {
  for (const file of await emittedWorkflows()) assert.doesNotMatch(file.content, /pull_request_target/, file.path);
});

test("the review job runs the project's code on pull requests with a read-only token and the base commit at hand", () => {
  const review = jobs["review"]!;
  assert.equal(review.if, "github.event_name == 'pull_request'");
  assert.deepEqual(review.permissions, { contents: "read" });
  const checkout = review.steps.find((s) => s.uses?.startsWith("actions/checkout@"))!;
  assert.ok(Number(checkout.with?.["fetch-depth"]) >= 2, "the merge commit and its first parent");
  assert.equal(checkout.with?.["persist-credentials"], false);
  const run = review.steps.find((s) => s.run?.includes("npm run --silent review"))!.run!;
  assert.match(run, /--base HEAD\^1 --format markdown > "\$review"/);
  assert.match(run, />> "\$GITHUB_STEP_SUMMARY"/);
});

test("only the comment job can write to pull requests, and only for a branch of this repository", () => {
  const writers = Object.entries(jobs).filter(([, job]) => Object.values(job.permissions).includes("write"));
  assert.deepEqual(writers.map(([id, job]) => [id, job.permissions]), [["review-comment", { "pull-requests": "write" }]]);
  const comment = jobs["review-comment"]!;
  assert.deepEqual(comment.needs, ["review"]);
  assert.match(comment.if!, /github\.event\.pull_request\.head\.repo\.full_name == github\.repository/);
  assert.ok(!comment.steps.some((s) => s.uses?.startsWith("actions/checkout@")), "the job with the write token checks nothing out: it runs no project command");
});

const commentScript = jobs["review-comment"]!.steps.find((s) => s.run?.includes(MARKER))!.run!;
const hasJq = spawnSync("jq", ["--version"]).status === 0;

/** Runs the emitted comment script against a stand-in `gh` that lists `comments` and records what it is asked to write. */
function runCommentScript(comments: object[]): { calls: string[]; body: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "review-comment-"));
  try {
    writeFileSync(path.join(dir, "comments.json"), JSON.stringify(comments));
    // gh api --paginate URL --jq FILTER | gh api --method M URL -f body=TEXT
    writeFileSync(
      path.join(dir, "gh"),
      `#!/usr/bin/env bash
set -euo pipefail
if [ "$2" = "--paginate" ]; then
  echo "GET $3" >> "${dir}/calls"
  jq -r "$5" "${dir}/comments.json"
  exit 0
fi
echo "$3 $4" >> "${dir}/calls"
printf '%s' "\${6#body=}" > "${dir}/body"
`,
    );
    chmodSync(path.join(dir, "gh"), 0o755);
    writeFileSync(path.join(dir, "script.sh"), commentScript);
    const run = spawnSync("bash", ["-e", path.join(dir, "script.sh")], {
      encoding: "utf8",
      env: { PATH: `${dir}:${process.env["PATH"]}`, GITHUB_REPOSITORY: "owner/repo", PR_NUMBER: "5", REVIEW: "## Workflow review\n\n- `job` now runs", GH_TOKEN: "token" },
    });
    assert.equal(run.status, 0, run.stderr);
    return { calls: readFileSync(path.join(dir, "calls"), "utf8").trim().split("\n"), body: readFileSync(path.join(dir, "body"), "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("the bot's marked comment is edited in place, not a user's that quotes the marker", { skip: hasJq ? false : "jq is not installed" }, () => {
  const { calls, body } = runCommentScript([
    { id: 1, user: { login: "someone" }, body: `${MARKER}\nquoted` },
    { id: 2, user: { login: "github-actions[bot]" }, body: "another bot comment" },
    { id: 7, user: { login: "github-actions[bot]" }, body: `${MARKER}\nan older review` },
  ]);
  assert.deepEqual(calls, ["GET repos/owner/repo/issues/5/comments", "PATCH repos/owner/repo/issues/comments/7"]);
  assert.equal(body, `${MARKER}\n## Workflow review\n\n- \`job\` now runs`);
});

test("without a marked comment of the bot, one is created", { skip: hasJq ? false : "jq is not installed" }, () => {
  const { calls, body } = runCommentScript([{ id: 1, user: { login: "someone" }, body: `${MARKER}\nquoted` }]);
  assert.deepEqual(calls, ["GET repos/owner/repo/issues/5/comments", "POST repos/owner/repo/issues/5/comments"]);
  assert.ok(body.startsWith(`${MARKER}\n## Workflow review`));
});
