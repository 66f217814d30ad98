/**
 * gen and check with nothing changed say so without building; any change to a file
 * they read (a script beside a workflow source, a generated file edited by hand)
 * means a full run again, in a copy of the project.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { npmRun, projectCopy } from "../support/project-copy.ts";

const REMEMBERED = /no file changed since (gen last succeeded|check last passed) here/;

test("a second gen or check on the same files is answered from memory; an edited script or a hand edit is not", () => {
  const root = projectCopy("unchanged-project");
  try {
    const run = (command: string, args: string[] = []) => {
      const result = npmRun(root, command, args);
      return { status: result.status, out: result.stdout + result.stderr };
    };
    // The copy shares this checkout's memory, and the same files are the same verdict wherever they lie.
    assert.equal(run("gen").status, 0);
    const again = run("gen");
    assert.equal(again.status, 0, again.out);
    assert.match(again.out, REMEMBERED);
    assert.doesNotMatch(run("gen", ["--fresh"]).out, REMEMBERED, "--fresh builds");

    // A script read while building: the emitted workflow holds its text.
    const script = path.join(root, "workflows-src", "docker-build", "scripts", "build-summary.sh");
    appendFileSync(script, 'echo "one more line"\n');
    const rebuilt = run("gen");
    assert.equal(rebuilt.status, 0, rebuilt.out);
    assert.doesNotMatch(rebuilt.out, REMEMBERED);
    assert.match(rebuilt.out, /wrote \.github\/workflows\/docker-build\.yml/);
    assert.match(readFileSync(path.join(root, ".github", "workflows", "docker-build.yml"), "utf8"), /echo "one more line"/);

    const check = run("check");
    assert.equal(check.status, 0, check.out);
    assert.match(run("check").out, REMEMBERED);

    // A hand edit of a generated file after check passed: check runs in full and fails, gen restores the file.
    const emitted = path.join(root, ".github", "workflows", "docker-build.yml");
    const text = readFileSync(emitted, "utf8");
    writeFileSync(emitted, text.replace("runs-on: ubuntu-latest", "runs-on: ubuntu-22.04"));
    const caught = run("check");
    assert.equal(caught.status, 1, caught.out);
    assert.match(caught.out, /docker-build\.yml/);
    const restored = run("gen");
    assert.doesNotMatch(restored.out, REMEMBERED);
    assert.equal(readFileSync(emitted, "utf8"), text);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
