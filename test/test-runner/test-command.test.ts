/**
 * `npm test` itself: runs the files it is given in groups of processes, reports every
 * file's tests, fails when one fails, and refuses a name that is not a test file.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runScript } from "../support/run-script.ts";

function testFiles(files: Record<string, string>): { dir: string; paths: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), "test-command-"));
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), `import { test } from "node:test";\n${body}\n`);
  return { dir, paths: Object.keys(files).map((name) => path.join(dir, name)) };
}

test("every file's tests run, in as many processes as asked, and one failure fails the run", () => {
  const { dir, paths } = testFiles({
    "a.test.ts": 'test("a passes", () => {});',
    "b.test.ts": 'test("b passes", () => {});',
    "c.test.ts": 'test("c fails", () => { throw new Error("as planned"); });',
  });
  try {
    const all = runScript("test", ["--groups", "2", ...paths]);
    assert.equal(all.status, 1, all.stdout + all.stderr);
    for (const name of ["a passes", "b passes"]) assert.match(all.stdout, new RegExp(`^ok \\d+ - ${name}$`, "m"));
    assert.match(all.stdout, /^not ok \d+ - c fails$/m);
    assert.match(all.stdout, /^# tests 3$/m);

    const passing = runScript("test", paths.slice(0, 2));
    assert.equal(passing.status, 0, passing.stdout + passing.stderr);
    assert.match(passing.stdout, /^# pass 2$/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a name that is not a test file is refused with the usage", () => {
  const refused = runScript("test", ["no-such.test.ts"]);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /"no-such\.test\.ts" is not a test file/);
  assert.match(refused.stderr, /usage: npm run test/);
});
