/**
 * Generation is deterministic: a gen in a separate process, under a time zone and a
 * locale far from this one's, writes the very bytes this process generates.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generatedFiles } from "./support/emitted.ts";
import { runScript } from "./support/run-script.ts";

/** Every file `npm run gen -- --root` writes into an empty tree under `env`, by path relative to it. */
function generateUnder(env: Record<string, string>): Map<string, string> {
  const root = mkdtempSync(path.join(tmpdir(), "determinism-"));
  try {
    const run = runScript("gen", ["--root", root], env);
    assert.equal(run.status, 0, run.stderr);
    const files = new Map<string, string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const rel = path.posix.join(dir, entry.name);
        if (entry.isDirectory()) walk(rel);
        else files.set(rel, readFileSync(path.join(root, rel), "utf8"));
      }
    };
    walk("");
    return files;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test("the same bytes under another time zone and locale", async () => {
  const here = new Map((await generatedFiles()).map((file) => [file.path, file.content]));
  // UTC+14 and Turkish rules (a dotted and a dotless i): a date or a case change that depends on either shows.
  const elsewhere = generateUnder({ TZ: "Pacific/Kiritimati", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" });
  assert.ok(here.size >= 2, "the sources generate the workflows");
  assert.deepEqual([...elsewhere.keys()].sort(), [...here.keys()].sort());
  for (const [file, content] of here) assert.equal(elsewhere.get(file), content, file);
});
