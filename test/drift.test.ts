/**
 * The drift check, in a temporary project tree: current files pass; a stale, a
 * hand-edited, a missing and an orphaned file are each reported with a diff; together
 * (each damage on its own file, so one run of each command covers all four) they make
 * `npm run check` exit 1 naming each, and `npm run gen` repairs all four.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findDrift } from "../scripts/pipeline/drift.ts";
import { readHeader, remarked, withHeader } from "../scripts/files/header.ts";
import { writeAll } from "../scripts/pipeline/write-files.ts";
import { generatedFiles } from "./support/emitted.ts";
import { runScript } from "./support/run-script.ts";

const expected = await generatedFiles();
const dockerBuild = ".github/workflows/docker-build.yml";
const workflowsCheck = ".github/workflows/workflows-check.yml";
const ruleCatalogue = "generated/lint-rules.md";

function freshTree(): string {
  const root = mkdtempSync(path.join(tmpdir(), "drift-"));
  writeAll(root, expected, []);
  return root;
}

function cli(script: "check" | "gen", root: string, env: Record<string, string> = {}) {
  return runScript(script, ["--root", root], { GITHUB_ACTIONS: "", ...env });
}

const cases: { kind: string; damage: (root: string) => void }[] = [
  {
    kind: "stale",
    // An intact file from an older source: every section matches its mark.
    damage: (root) => {
      const text = readFileSync(path.join(root, workflowsCheck), "utf8");
      const body = readHeader(text)!.body;
      writeFileSync(path.join(root, workflowsCheck), text.slice(0, text.length - body.length) + remarked(body.replace("timeout-minutes: ", "timeout-minutes: 9")));
    },
  },
  {
    kind: "hand-edited",
    damage: (root) => {
      const file = path.join(root, dockerBuild);
      writeFileSync(file, readFileSync(file, "utf8").replace("timeout-minutes: 30", "timeout-minutes: 45"));
    },
  },
  { kind: "missing", damage: (root) => unlinkSync(path.join(root, ruleCatalogue)) },
  {
    kind: "orphan",
    damage: (root) => writeFileSync(path.join(root, ".github/workflows/old.yml"), withHeader("hash", "workflows-src/old.ts", "name: old\n")),
  },
];

test("a freshly generated tree has no drift and check exits 0", () => {
  const root = freshTree();
  try {
    assert.deepEqual(findDrift(root, expected), []);
    const run = cli("check", root);
    assert.equal(run.status, 0, run.stdout + run.stderr);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

for (const { kind, damage } of cases) {
  test(`a ${kind} file is reported with a diff and the fix`, () => {
    const root = freshTree();
    try {
      damage(root);
      const drifts = findDrift(root, expected);
      assert.deepEqual(drifts.map((d) => d.kind), [kind]);
      assert.match(drifts[0]!.diff, /^@@ /m, "a unified diff");
      // The committed files are the reviewed copy: a one-line change reads as one short hunk, not the whole file.
      if (kind === "stale" || kind === "hand-edited") assert.ok(drifts[0]!.diff.split("\n").length < 30, drifts[0]!.diff);
      assert.match(drifts[0]!.message, /npm run gen/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
}

test("check exits 1 naming a stale, a hand-edited, a missing and an orphaned file; gen repairs all four", () => {
  const root = freshTree();
  try {
    for (const { damage } of cases) damage(root);
    assert.deepEqual(findDrift(root, expected).map((d) => d.kind).sort(), cases.map((c) => c.kind).sort());

    const check = cli("check", root, { GITHUB_ACTIONS: "true" });
    assert.equal(check.status, 1);
    for (const { kind } of cases) assert.match(check.stdout, new RegExp(`^${kind}: `, "m"));
    assert.match(check.stdout, /^::error file=\.github\/workflows\/[a-z-]+\.yml,title=generated file /m);

    const gen = cli("gen", root);
    assert.equal(gen.status, 0, gen.stderr);
    assert.deepEqual(findDrift(root, expected), []);
    assert.equal(existsSync(path.join(root, ".github/workflows/old.yml")), false);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a workflow file without our header is left alone", () => {
  const root = freshTree();
  try {
    writeFileSync(path.join(root, ".github/workflows/handwritten.yml"), "name: mine\non: push\n");
    assert.deepEqual(findDrift(root, expected), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
