import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { editFile } from "../../scripts/files/edit-file.ts";

test("an edit replaces the first match, and one that matches nothing is refused, the file left as it was", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "edit-file-"));
  try {
    const file = path.join(dir, "job.ts");
    writeFileSync(file, '"timeout-minutes": 10,\n"timeout-minutes": 20,\n');
    editFile(file, /"timeout-minutes": \d+,/, '"timeout-minutes": 11,', "time limit");
    assert.equal(readFileSync(file, "utf8"), '"timeout-minutes": 11,\n"timeout-minutes": 20,\n');
    assert.throws(() => editFile(file, /"name": "x"/, '"name": "y"', "job name"), /job\.ts has no job name to change/);
    assert.equal(readFileSync(file, "utf8"), '"timeout-minutes": 11,\n"timeout-minutes": 20,\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
