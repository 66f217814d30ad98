/**
 * The compiler is a gate: in a copy of the project, a source that does not type-check
 * (a misspelled action input, a wrong event name, a wrong output name) makes
 * `npm run gen` write nothing and print `file:line:col: message`, and makes
 * `npm run check` fail the same way; an error thrown while a source loads is printed
 * at its place, not as a raw stack. The type errors of a tree are remembered by its
 * content, so gen then check on a broken tree run the compiler once.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseDiagnostics, typecheckSources } from "../../scripts/pipeline/typecheck.ts";
import { npmRun, projectCopy } from "../support/project-copy.ts";

const mistakes = [
  { what: "a misspelled action input", file: "workflows-src/docker-build/build-and-push.ts", from: '"no-cache": true', to: '"no-cahce": true', says: /"no-cahce"/ },
  { what: "a wrong event name", file: "workflows-src/docker-build.ts", from: "push: { branches: BRANCHES }", to: "pushh: { branches: BRANCHES }", says: /'pushh'/ },
  { what: "a wrong output name", file: "workflows-src/docker-build/test-image.ts", from: "build.outputs.image_ref", to: "build.outputs.image_reff", says: /'image_reff'/ },
];

test("each mistake is refused by gen (nothing written) and by check at its file, line and column; an error thrown while loading names its place", () => {
  // All in one copy: one run of each command must name every one of them.
  const root = projectCopy("typecheck-gate");
  try {
    for (const mistake of mistakes) {
      const source = path.join(root, mistake.file);
      const text = readFileSync(source, "utf8");
      assert.ok(text.includes(mistake.from), `${mistake.file} has ${mistake.from}`);
      writeFileSync(source, text.replace(mistake.from, mistake.to));
    }
    const throwing = "workflows-src/docker-build/settings.ts";
    writeFileSync(path.join(root, throwing), `${readFileSync(path.join(root, throwing), "utf8")}\nexport const broken = missingHelper();\n`);
    const before = readFileSync(path.join(root, ".github/workflows/docker-build.yml"), "utf8");

    const gen = npmRun(root, "gen");
    assert.equal(gen.status, 1, gen.stdout + gen.stderr);
    assert.match(gen.stderr, /^gen: nothing written\./);
    assert.equal(readFileSync(path.join(root, ".github/workflows/docker-build.yml"), "utf8"), before, "nothing written");
    const check = npmRun(root, "check");
    assert.equal(check.status, 1, check.stdout + check.stderr);

    for (const mistake of mistakes) {
      const located = new RegExp(`^  ${mistake.file.replaceAll(".", "\\.")}:\\d+:\\d+: .*`, "m");
      assert.match(gen.stderr, located, mistake.what);
      assert.match(located.exec(gen.stderr)![0], mistake.says, mistake.what);
      assert.match(check.stderr, located, mistake.what);
    }

    // The error thrown while the sources load: at its place, without a stack trace.
    const lines = gen.stderr.split("\n");
    const thrown = lines.find((line) => line.includes("ReferenceError"));
    assert.ok(thrown, gen.stderr);
    assert.match(thrown, new RegExp(`^  ${throwing.replaceAll(".", "\\.")}:\\d+:\\d+: ReferenceError: missingHelper is not defined`));
    assert.ok(!lines.some((line) => /^\s+at /.test(line)), `no stack frames:\n${gen.stderr}`);
    // The count in the header matches the problems listed.
    const count = Number(/generation failed with (\d+) problem/.exec(gen.stderr)?.[1]);
    assert.equal(count, lines.filter((line) => line.startsWith("  ")).length);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("TypeScript's diagnostics become located problems, the specific part of a chained message first", () => {
  const output = [
    "workflows-src/a.ts(3,7): error TS2769: No overload matches this call.",
    "  The last overload gave the following error.",
    "    Object literal may only specify known properties.",
    "generated/b.ts(10,1): error TS2304: Cannot find name 'x'.",
  ].join("\n");
  assert.deepEqual(parseDiagnostics(output), [
    { file: "workflows-src/a.ts", line: 3, column: 7, message: "Object literal may only specify known properties. ← The last overload gave the following error. ← No overload matches this call. [TS2769]" },
    { file: "generated/b.ts", line: 10, column: 1, message: "Cannot find name 'x'. [TS2304]" },
  ]);
});

test("a tree the compiler found type errors in is not checked again: the same content has the same errors", async () => {
  // A tree of its own whose compiler is a stand-in that counts its runs and reports one error.
  const root = mkdtempSync(path.join(tmpdir(), "typecheck-memory-"));
  try {
    const runs = path.join(root, "runs");
    const compiler = path.join(root, "fake-tsc");
    writeFileSync(compiler, `#!/bin/sh\necho run >> "${runs}"\necho "workflows-src/a.ts(1,14): error TS2304: Cannot find name 'x'."\nexit 2\n`, { mode: 0o755 });
    mkdirSync(path.join(root, "node_modules", "typescript", "lib"), { recursive: true });
    writeFileSync(path.join(root, "node_modules", "typescript", "lib", "getExePath.js"), `module.exports = () => ${JSON.stringify(compiler)};\n`);
    mkdirSync(path.join(root, "workflows-src"));
    mkdirSync(path.join(root, "generated"));
    // Content never seen before, so nothing is remembered for it yet.
    writeFileSync(path.join(root, "workflows-src", "a.ts"), `export const a = x; // ${randomUUID()}\n`);
    for (const file of ["tsconfig.json", "tsconfig.sources.json", "package-lock.json"]) writeFileSync(path.join(root, file), "{}\n");

    const expected = [{ file: "workflows-src/a.ts", line: 1, column: 14, message: "Cannot find name 'x'. [TS2304]" }];
    assert.deepEqual(await typecheckSources(root), expected);
    assert.deepEqual(await typecheckSources(root), expected);
    assert.equal(readFileSync(runs, "utf8"), "run\n", "the compiler ran once");
    writeFileSync(path.join(root, "workflows-src", "a.ts"), `export const a = 1; // ${randomUUID()}\n`);
    await typecheckSources(root);
    assert.equal(readFileSync(runs, "utf8"), "run\nrun\n", "an edit is checked again");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
