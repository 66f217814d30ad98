/**
 * The review as markdown: behaviour first, in words, the same change in several
 * scenarios told once; values from the workflows always as code (no markdown, no
 * mention); a review too long for a GitHub comment is cut below its limit.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { code, MAX_MARKDOWN_LENGTH, reviewMarkdown } from "../../scripts/review/markdown.ts";
import type { Review, WorkflowReview } from "../../scripts/review/review-workflows.ts";

const changed = (part: Partial<WorkflowReview>): Review => ({
  base: "0123456789abcdef0123456789abcdef01234567",
  workflows: [{ file: ".github/workflows/ci.yml", status: "changed", changes: [], behaviour: [], security: [], lint: { new: [], fixed: [] }, notes: [], ...part }],
});

test("no change: one sentence", () => {
  const text = reviewMarkdown({ base: "0123456789abcdef0123456789abcdef01234567", workflows: [{ ...changed({}).workflows[0]!, status: "unchanged" }] });
  assert.match(text, /`0123456789ab`/);
  assert.match(text, /No workflow changes\./);
  assert.doesNotMatch(text, /###/);
});

test("behaviour leads, in words, one line for the same change in several scenarios", () => {
  const text = reviewMarkdown(
    changed({
      behaviour: [
        { scenario: "push `main`", job: "scan", before: "skipped", after: "success", what: "result" },
        { scenario: "manual run", job: "scan", before: "skipped", after: "success", what: "result" },
        { scenario: "push `main`", job: "scan", step: "Upload", before: "success", after: "failure", what: "result" },
        { scenario: "push `main`", job: "*", before: ["r:latest"], after: ["r:stable"], what: "tags" },
      ],
      security: [{ kind: "permission-widened", path: "jobs.scan.permissions.contents", before: "none", after: "write" }],
      changes: [{ path: "jobs.scan.if", before: "false", after: null, kind: "removed" }],
    }),
  );
  const bullets = text.split("\n").filter((l) => l.startsWith("- "));
  assert.deepEqual(bullets.slice(0, 4), [
    "- `scan` now runs on push `main`, manual run (was skipped)",
    "- step `Upload` of `scan` now fails on push `main` (was success)",
    "- tags applied on push `main`: `r:stable` (were `r:latest`)",
    "- **security**: permission widened `jobs.scan.permissions.contents`: `none` → `write`",
  ]);
  assert.match(text, /<details><summary>1 change to the YAML<\/summary>\n\n- removed `jobs\.scan\.if` \(was `false`\)/);
});

test("values are code, fenced past any backtick they hold, on one line", () => {
  assert.equal(code("@someone"), "`@someone`");
  assert.equal(code("a `b` c"), "``a `b` c``");
  assert.equal(code("`edge`"), "`` `edge` ``");
  assert.equal(code("line one\nline two\n"), "`line one … (2 lines)`");
  assert.equal(code("x".repeat(100)).length, 80 + 2);
});

test("a review longer than a comment may be is cut below GitHub's limit", () => {
  const many = Array.from({ length: 3000 }, (_, i) => ({ ...changed({}).workflows[0]!, file: `.github/workflows/w${i}.yml`, notes: ["x".repeat(40)] }));
  const text = reviewMarkdown({ base: "0".repeat(40), workflows: many });
  assert.ok(text.length < 65_536 && text.length > MAX_MARKDOWN_LENGTH - 1000, String(text.length));
  assert.match(text, /cut at 60000 characters; `npm run review` prints it all/);
});
