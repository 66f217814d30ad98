/**
 * The type check's incremental state: a tree checked for the first time starts from
 * the newest state of another tree, its own state is never replaced by another's, and
 * only the newest few are kept.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildInfoFor } from "../../scripts/pipeline/build-info.ts";

test("a new tree starts from the newest state, keeps its own afterwards, and old states are removed", () => {
  const cache = mkdtempSync(path.join(tmpdir(), "build-info-"));
  assert.equal(existsSync(buildInfoFor(cache, "/trees/first")), false, "with no state yet, a tree starts from nothing");
  try {
    const states: string[] = [];
    for (let i = 0; i < 10; i++) {
      const file = buildInfoFor(cache, `/trees/t${i}`);
      writeFileSync(file, `state of t${i}`);
      const when = new Date(Date.now() - (10 - i) * 60_000);
      utimesSync(file, when, when);
      states.push(file);
    }
    const fresh = buildInfoFor(cache, "/trees/new");
    assert.equal(readFileSync(fresh, "utf8"), "state of t9", "seeded from the newest");
    assert.equal(readFileSync(buildInfoFor(cache, "/trees/t3"), "utf8"), "state of t3", "a tree's own state is kept as it is");
    assert.ok(readdirSync(cache).length <= 9, `at most the newest eight and the one asked for remain: ${readdirSync(cache).join(", ")}`);
    assert.ok(!readdirSync(cache).includes(path.basename(states[0]!)), "the oldest state was removed");
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});
