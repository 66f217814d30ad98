/**
 * `npm test` itself: runs the files it is given in groups of processes, reports every
 * file's tests, fails when one fails, and refuses a name that is not a test file.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { scratchParent } from "../../scripts/files/memory-folder.ts";
import { runScript } from "../support/run-script.ts";

function testFiles(files: Record<string, string>): { dir: string; paths: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), "test-command-"));
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), `import { after, test } from "node:test";\n${body}\n`);
  return { dir, paths: Object.keys(files).map((name) => path.join(dir, name)) };
}

/** What `choose` answers with TMPDIR not set (this process's is the run's folder). */
function withoutTmpdir<T>(choose: () => T): T {
  const saved = process.env["TMPDIR"];
  delete process.env["TMPDIR"];
  try {
    return choose();
  } finally {
    if (saved !== undefined) process.env["TMPDIR"] = saved;
  }
}

/** The builds of the tests (scripts/run-ts) that hold a file under `dir`. */
function buildsHolding(dir: string): string[] {
  const cache = path.join(PROJECT_ROOT, "node_modules", ".cache", "run-ts", "tests");
  const inDir = path.relative(PROJECT_ROOT, dir);
  return readdirSync(cache)
    .filter((name) => /^[0-9a-f]{16}\.json$/.test(name))
    .filter((name) => Object.keys((JSON.parse(readFileSync(path.join(cache, name), "utf8")) as { entries: Record<string, string> }).entries).some((entry) => entry.startsWith(inDir)));
}

test("every file's tests run, in as many processes as asked, and one failure fails the run", () => {
  const { dir, paths } = testFiles({
    "a.test.ts": 'test("a passes", () => {});',
    "b.test.ts": 'test("b passes", () => {});',
    "c.test.ts": 'test("c fails", () => { throw new Error("as planned"); });',
    "d.test.ts": 'test("d passes", () => {});',
  });
  try {
    const all = runScript("test", ["--groups", "2", ...paths.slice(0, 3)]);
    assert.equal(all.status, 1, all.stdout + all.stderr);
    for (const name of ["a passes", "b passes"]) assert.match(all.stdout, new RegExp(`^ok \\d+ - ${name}$`, "m"));
    assert.match(all.stdout, /^not ok \d+ - c fails$/m);
    assert.match(all.stdout, /^# tests 3$/m);
    // The files are compiled: a failure's stack still names the TypeScript file and line.
    assert.match(all.stdout, /c\.test\.ts:2:\d+/);

    const passing = runScript("test", paths.slice(0, 2));
    assert.equal(passing.status, 0, passing.stdout + passing.stderr);
    assert.match(passing.stdout, /^# pass 2$/m);
    assert.equal(buildsHolding(dir).length, 1, "the build of three files served the run of two");

    const withNew = runScript("test", [paths[0]!, paths[3]!]);
    assert.equal(withNew.status, 0, withNew.stdout + withNew.stderr);
    assert.match(withNew.stdout, /^ok \d+ - d passes$/m);
    assert.equal(buildsHolding(dir).length, 2, "a file no build holds is compiled");
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

/**
 * One run serves the last two tests: a test file in a temporary folder that writes
 * where its temporary folder was, beside one of the project's test files whose time the
 * run is to remember (a run is four Node processes).
 */
let shared: { run: ReturnType<typeof runScript>; where: string; durations: () => Record<string, number> } | undefined;
const sharedDirs: string[] = [];
after(() => {
  for (const dir of sharedDirs) rmSync(dir, { recursive: true, force: true });
});

function sharedRun(): NonNullable<typeof shared> {
  if (shared) return shared;
  const { dir, paths } = testFiles({
    "where.test.ts": [
      'import { writeFileSync } from "node:fs";',
      'import { tmpdir } from "node:os";',
      'import path from "node:path";',
      'test("writes where", () => {',
      '  writeFileSync(path.join(tmpdir(), "left-behind"), "");',
      '  writeFileSync(process.env["WHERE"]!, tmpdir());',
      "});",
    ].join("\n"),
  });
  sharedDirs.push(dir);
  const where = path.join(dir, "where.txt");
  const cache = path.join(PROJECT_ROOT, "node_modules", ".cache", "charon-workflows", "test-durations");
  const file = path.join(cache, `${createHash("sha256").update("seconds per test file").digest("hex")}.json`);
  const durations = (): Record<string, number> => (existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, number>) : {});
  mkdirSync(cache, { recursive: true });
  writeFileSync(file, JSON.stringify({ ...durations(), "test/kit/once.test.ts": -1, "test/removed-long-ago.test.ts": 3 }));
  // An empty TMPDIR is one not set (Node's tmpdir() passes over it): the run chooses.
  const run = runScript("test", ["--groups", "1", ...paths, path.join(PROJECT_ROOT, "test", "kit", "once.test.ts")], { WHERE: where, TMPDIR: "" });
  shared = { run, where, durations };
  return shared;
}

test("the time each test file took is remembered for the next run's groups, by the file's own path; a file gone is forgotten", () => {
  const { run, durations } = sharedRun();
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.ok((durations()["test/kit/once.test.ts"] ?? -1) >= 0, JSON.stringify(durations()["test/kit/once.test.ts"]));
  assert.equal(durations()["test/removed-long-ago.test.ts"], undefined);
});

test("the tests' temporary folder is the run's own, in memory where the machine has a memory folder, and goes with the run", () => {
  const { run, where } = sharedRun();
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const used = readFileSync(where, "utf8");
  assert.equal(path.dirname(used), withoutTmpdir(scratchParent), "in memory where there is a memory folder");
  assert.match(path.basename(used), /^charon-tests-/);
  assert.equal(existsSync(used), false, "removed with what the test left in it");
});
