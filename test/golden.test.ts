/**
 * Golden files: every emitted workflow is compared byte for byte with a reviewed
 * copy in test/golden/. `UPDATE_GOLDEN=1 npm test` rewrites them; under CI they
 * are never rewritten and a missing golden file fails.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { emittedWorkflows } from "./support/emitted.ts";

const goldenDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "golden");
const update = process.env["UPDATE_GOLDEN"] === "1" && !process.env["CI"];

for (const file of await emittedWorkflows()) {
  const name = path.basename(file.path);
  test(`${name} matches its golden file`, () => {
    const golden = path.join(goldenDir, name);
    if (update) writeFileSync(golden, file.content);
    assert.ok(existsSync(golden), `test/golden/${name} is missing; run UPDATE_GOLDEN=1 npm test and review it`);
    assert.equal(file.content, readFileSync(golden, "utf8"), `${name} differs from test/golden/${name}; review the change, then UPDATE_GOLDEN=1 npm test`);
  });
}
