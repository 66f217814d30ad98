import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";

test("a count flag takes a whole number at its minimum or above; anything else names the flag, prints the usage and exits 2", () => {
  const bench = (...args: string[]) => spawnSync(process.execPath, [path.join(PROJECT_ROOT, "scripts", "run-ts.mjs"), path.join(PROJECT_ROOT, "scripts", "bench.ts"), ...args], { cwd: PROJECT_ROOT, encoding: "utf8" });
  for (const wrong of ["0", "2.5", "many", ""]) {
    const run = bench("--runs", wrong, "--only", "no-such-command");
    assert.equal(run.status, 2, `--runs ${wrong}: ${run.stderr}`);
    assert.match(run.stderr, new RegExp(`--runs takes a whole number of at least 1, not "${wrong.replace(".", "\\.")}"\\n\\nusage: npm run bench`));
  }
  // A whole number passes the flag check and reaches the next one.
  const valid = bench("--runs", "3", "--only", "no-such-command");
  assert.doesNotMatch(valid.stderr, /--runs takes/);
  assert.match(valid.stderr, /no-such-command/);
});
