/** `npm run lint`: its formats, its exit codes and its refusal of what it cannot read. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { runScript } from "../support/run-script.ts";

const seed = "test/fixtures/seed-docker-build.yml";
const clean = ".github/workflows/workflows-check.yml";

function lintCommand(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return runScript("lint", args);
}

test("json lists every finding as {rule, severity, file, path, line, column, message} and exits 1 on errors", () => {
  const run = lintCommand("--format", "json", seed, clean);
  assert.equal(run.status, 1, run.stderr);
  const findings = JSON.parse(run.stdout) as Record<string, unknown>[];
  assert.ok(findings.some((f) => f["rule"] === "guard-coverage" && f["path"] === "jobs.build-and-push.steps[8].if" && f["file"] === seed));
  for (const finding of findings) assert.deepEqual(Object.keys(finding).sort(), ["column", "file", "line", "message", "path", "rule", "severity"]);
  assert.ok(findings.every((f) => typeof f["line"] === "number" && typeof f["column"] === "number"));
});

test("github prints annotations with file, line and column", () => {
  const run = lintCommand("--format=github", seed);
  assert.equal(run.status, 1);
  assert.match(run.stdout, /^::error file=test\/fixtures\/seed-docker-build\.yml,line=72,col=\d+,title=guard-coverage::jobs\.build-and-push\.steps\[8\]\.if: /m);
});

test("a clean file exits 0, and so does linting the emitted workflows (no files)", () => {
  const file = lintCommand(clean);
  assert.equal(file.status, 0, file.stdout + file.stderr);
  assert.match(file.stdout, /lint: 0 errors, 0 warnings/);
  const emitted = lintCommand("--format", "json");
  assert.equal(emitted.status, 0, emitted.stdout + emitted.stderr);
  // What the emitted workflows still have is waived, each with its reason, whether lint ran the rules or recalled it.
  const findings = JSON.parse(emitted.stdout) as { waived?: string }[];
  assert.deepEqual(findings.filter((finding) => !finding.waived), []);
});

// An unknown flag is refused as by every command (test/cli/help.test.ts).
test("an unknown format or a missing file is refused with exit 2", () => {
  assert.equal(lintCommand("--format", "xml").status, 2);
  const missing = lintCommand("no-such.yml");
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /"no-such.yml" not found/);
});
