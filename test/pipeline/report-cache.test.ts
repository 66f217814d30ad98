/**
 * Reports are reused from disk only when the file is intact and records the
 * digest of the current inputs; any other case computes them afresh.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { withHeader } from "../../scripts/files/header.ts";
import { inputsLine, reusableReport } from "../../scripts/pipeline/report-cache.ts";
import { workflowPlans } from "../../scripts/pipeline/reports.ts";
import { emittedWorkflows } from "../support/emitted.ts";

const PLAN = "generated/docker-build.plan.md";

function treeWith(content: string): string {
  const root = mkdtempSync(path.join(tmpdir(), "report-cache-"));
  mkdirSync(path.join(root, "generated"));
  writeFileSync(path.join(root, PLAN), content);
  return root;
}

test("an intact report made from the same inputs is reused; edited or other inputs are not", () => {
  const intact = withHeader("html", "src.ts", `${inputsLine("aaaa")}\n# body\n`);
  const root = treeWith(intact);
  try {
    assert.equal(reusableReport(root, PLAN, "aaaa"), intact);
    assert.equal(reusableReport(root, PLAN, "bbbb"), undefined, "other inputs");
    assert.equal(reusableReport(undefined, PLAN, "aaaa"), undefined, "no tree to reuse from");
    writeFileSync(path.join(root, PLAN), intact.replace("# body", "# edited"));
    assert.equal(reusableReport(root, PLAN, "aaaa"), undefined, "edited by hand");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("the plan is recomputed when the workflow changes, and reused when it does not", async () => {
  const emitted = (await emittedWorkflows()).filter((f) => f.path.endsWith("/docker-build.yml"));
  const [fresh] = await workflowPlans(emitted, {});
  assert.ok(fresh);
  // A report whose body says something the simulation never would, but which is intact and carries the right digest.
  const inputs = fresh.content.split("\n")[3]!;
  assert.match(inputs, /^<!-- inputs-sha256: [0-9a-f]{16} /);
  const marked = withHeader("html", "workflows-src/docker-build.ts", `${inputs}\n# marked\n`);
  const root = treeWith(marked);
  try {
    const [reused] = await workflowPlans(emitted, { root });
    assert.equal(reused?.content, marked, "same inputs: the file on disk is reused");
    const changed = emitted.map((f) => (f.path.endsWith("docker-build.yml") ? { ...f, content: f.content.replace("timeout-minutes: 30", "timeout-minutes: 31") } : f));
    const [recomputed] = await workflowPlans(changed, { root });
    assert.notEqual(recomputed?.content, marked, "changed workflow: simulated again");
    assert.match(recomputed!.content, /# Plan of/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
