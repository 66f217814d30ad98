/**
 * Generation is deterministic: the same sources give the same bytes in separate
 * processes under different time zones and locales.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runScript } from "./support/run-script.ts";

function generateUnder(env: Record<string, string>): Map<string, string> {
  const root = mkdtempSync(path.join(tmpdir(), "determinism-"));
  try {
    const run = runScript("gen", ["--root", root], env);
    assert.equal(run.status, 0, run.stderr);
    const files = new Map<string, string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const rel = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(rel);
        else files.set(rel, readFileSync(path.join(root, rel), "utf8"));
      }
    };
    walk(".");
    return files;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test("the same bytes under different time zones and locales", () => {
  const utc = generateUnder({ TZ: "UTC", LANG: "C", LC_ALL: "C" });
  const elsewhere = generateUnder({ TZ: "Pacific/Kiritimati", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" });
  assert.ok(utc.size >= 2, "gen wrote the workflows");
  assert.deepEqual([...elsewhere.keys()].sort(), [...utc.keys()].sort());
  for (const [file, content] of utc) assert.equal(elsewhere.get(file), content, file);
});
