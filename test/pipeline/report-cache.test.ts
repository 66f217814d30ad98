/**
 * Reports are remembered by the digest of their inputs, outside the repository, and
 * never read back from the committed file: a forged report with right-looking marks
 * is still caught by `check` (in a copy of the project) and replaced by `gen`.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readHeader, remarked } from "../../scripts/files/header.ts";
import { cachedReport } from "../../scripts/pipeline/report-cache.ts";
import { npmRun, projectCopy } from "../support/project-copy.ts";

test("a report is rendered once per inputs digest and remembered; other inputs render again", async () => {
  const entries = new Map<string, string>();
  const cache = { read: (key: string) => entries.get(key), write: (key: string, value: string) => void entries.set(key, value) };
  let renders = 0;
  const render = async () => ({ body: `# body ${++renders}\n`, remember: true });
  assert.equal(await cachedReport("plan", "aaaa", render, cache), "# body 1\n");
  assert.equal(await cachedReport("plan", "aaaa", render, cache), "# body 1\n", "same inputs: remembered");
  assert.equal(await cachedReport("plan", "bbbb", render, cache), "# body 2\n", "other inputs: rendered");
  assert.equal(await cachedReport("rules", "aaaa", render, cache), "# body 3\n", "another report: rendered");
  assert.equal(renders, 3);

  // A body that depends on the machine's speed (a plan with a step stopped at a time limit) is rendered again next time.
  const unsteady = async () => ({ body: `# body ${++renders}\n`, remember: false });
  assert.equal(await cachedReport("plan", "cccc", unsteady, cache), "# body 4\n");
  assert.equal(await cachedReport("plan", "cccc", unsteady, cache), "# body 5\n", "not remembered");
});

test("a forged generated/docker-build.plan.md and generated/lint-rules.md, their marks recomputed, fail check each, and gen restores both", () => {
  // Both in one copy: check reports every stale file, and one gen restores them all.
  const reports = ["generated/docker-build.plan.md", "generated/lint-rules.md"];
  const root = projectCopy("forged-report");
  try {
    const originals = new Map<string, string>();
    for (const report of reports) {
      const file = path.join(root, report);
      const original = readFileSync(file, "utf8");
      originals.set(report, original);
      const header = readHeader(original)!;
      const lines = original.split("\n");
      const forgedBody = remarked(header.body.replace(/success|error/, "FORGED"));
      assert.notEqual(forgedBody, header.body);
      writeFileSync(file, `${lines.slice(0, 2).join("\n")}\n${forgedBody}`);
    }

    const check = npmRun(root, "check");
    assert.equal(check.status, 1, check.stdout + check.stderr);
    for (const report of reports) {
      assert.match(check.stdout, new RegExp(`^stale: ${report.replaceAll(".", "\\.")} is stale`, "m"), `${report}: intact marks, so stale, not hand-edited`);
    }
    assert.equal(check.stdout.match(/^-.*FORGED/gm)?.length, reports.length, "the diffs show each forged line");

    const gen = npmRun(root, "gen");
    assert.equal(gen.status, 0, gen.stdout + gen.stderr);
    for (const report of reports) assert.equal(readFileSync(path.join(root, report), "utf8"), originals.get(report), report);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
