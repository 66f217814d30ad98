/**
 * gen under contention and on a hostile disk, each reproduced on a copy: two gens at
 * once both finish and leave a current tree; a full disk, a directory that cannot be
 * written and a broken symbolic link each give one clear error, change nothing and
 * leave no temporary file; a lock or temporary file of a killed gen does not stop the
 * next one.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { LOCK_FILE, writeAll, WriteError } from "../../scripts/pipeline/write-files.ts";
import { generatedFiles } from "../support/emitted.ts";
import { npmRun, npmStart, projectCopy } from "../support/project-copy.ts";

const expected = await generatedFiles();
const WORKFLOW = ".github/workflows/docker-build.yml";

/** Every file under `root`'s managed directories whose name ends in `.tmp`. */
function temporaries(root: string): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) visit(path.join(dir, entry.name));
      else if (entry.name.endsWith(".tmp")) found.push(path.join(dir, entry.name));
    }
  };
  for (const dir of [".github", "generated"]) visit(path.join(root, dir));
  return found;
}

function withTree(body: (root: string) => void): void {
  const root = mkdtempSync(path.join(tmpdir(), "write-files-"));
  try {
    writeAll(root, expected, []);
    body(root);
  } finally {
    spawnSync("chattr", ["-i", path.join(root, "generated")]);
    rmSync(root, { recursive: true, force: true });
  }
}

/** The tree's files that differ from what gen produces: here, the ones a test damaged. */
function changedFiles(root: string): string[] {
  return expected.filter((file) => !existsSync(path.join(root, file.path)) || readFileSync(path.join(root, file.path), "utf8") !== file.content).map((f) => f.path);
}

test("two gens at once both succeed and leave a current tree with no temporary file", async () => {
  const root = projectCopy("two-gens");
  try {
    for (const file of [WORKFLOW, "generated/lint-rules.md", "generated/actions/index.ts"]) unlinkSync(path.join(root, file));
    const gens = await Promise.all(
      [1, 2].map(
        () =>
          new Promise<number | null>((resolve) => {
            npmStart(root, "gen").on("close", resolve);
          }),
      ),
    );
    assert.deepEqual(gens, [0, 0]);
    assert.deepEqual(temporaries(root), []);
    assert.equal(existsSync(path.join(root, LOCK_FILE)), false, "the lock is released");
    const check = npmRun(root, "check");
    assert.equal(check.status, 0, check.stdout + check.stderr);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a full disk: one clear error, nothing changed, no temporary file left", () =>
  withTree((root) => {
    const target = path.join(root, WORKFLOW);
    writeFileSync(target, "stale\n");
    // This process's temporary file for the workflow, made a link to a device that is always full.
    symlinkSync("/dev/full", `${target}.${process.pid}.tmp`);
    assert.throws(() => writeAll(root, expected, []), (error: unknown) => error instanceof WriteError && /could not write "\.github\/workflows\/docker-build\.yml": the disk is full/.test(error.message));
    assert.equal(readFileSync(target, "utf8"), "stale\n");
    assert.deepEqual(temporaries(root), []);
  }));

test("a directory that cannot be written: one clear error, nothing changed", (t) =>
  withTree((root) => {
    writeFileSync(path.join(root, WORKFLOW), "stale\n");
    writeFileSync(path.join(root, "generated/lint-rules.md"), "stale\n");
    // Root ignores permission bits; an immutable directory refuses even root.
    const locked = process.getuid?.() === 0 ? spawnSync("chattr", ["+i", path.join(root, "generated")]).status === 0 : (spawnSync("chmod", ["555", path.join(root, "generated")]), true);
    if (!locked) return t.skip("cannot make a directory read-only here (chattr needs an ext4-like file system)");
    assert.throws(() => writeAll(root, expected, []), (error: unknown) => error instanceof WriteError && /could not write "generated\/lint-rules\.md": permission denied; make the file and its directory writable/.test(error.message));
    assert.equal(readFileSync(path.join(root, WORKFLOW), "utf8"), "stale\n", "the workflow, written first, was not replaced either");
    assert.deepEqual(temporaries(root), []);
  }));

test("a broken symbolic link in the way: one clear error naming it, nothing changed", () =>
  withTree((root) => {
    rmSync(path.join(root, "generated/actions"), { recursive: true });
    symlinkSync(path.join(root, "nowhere"), path.join(root, "generated/actions"));
    writeFileSync(path.join(root, WORKFLOW), "stale\n");
    assert.throws(() => writeAll(root, expected, []), (error: unknown) => error instanceof WriteError && /could not write "generated\/actions\/[a-z-]+\.ts": .*broken symbolic link.*; remove it; nothing was changed$/.test(error.message));
    assert.equal(readFileSync(path.join(root, WORKFLOW), "utf8"), "stale\n");
    assert.deepEqual(temporaries(root), []);
  }));

test("the lock and temporary files of a killed gen do not stop the next one", () =>
  withTree((root) => {
    // A process id that is not running: the first id above the system's maximum.
    const dead = 4_194_305;
    writeFileSync(path.join(root, LOCK_FILE), String(dead));
    const leftover = path.join(root, `${WORKFLOW}.${dead}.tmp`);
    writeFileSync(leftover, "half a file");
    writeFileSync(path.join(root, WORKFLOW), "stale\n");
    writeAll(root, expected, []);
    assert.deepEqual(changedFiles(root), []);
    assert.equal(existsSync(leftover), false);
    assert.equal(existsSync(path.join(root, LOCK_FILE)), false);
  }));

test("a gen waits for the one holding the lock, then writes", async () => {
  const root = projectCopy("locked");
  try {
    unlinkSync(path.join(root, WORKFLOW));
    // This test process holds the lock for a moment, as a running gen would.
    writeFileSync(path.join(root, LOCK_FILE), String(process.pid));
    const started = Date.now();
    const gen = new Promise<number | null>((resolve) => {
      npmStart(root, "gen").on("close", resolve);
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(existsSync(path.join(root, WORKFLOW)), false, "it has not written while the lock was held");
    unlinkSync(path.join(root, LOCK_FILE));
    assert.equal(await gen, 0);
    assert.ok(Date.now() - started >= 1500);
    assert.ok(existsSync(path.join(root, WORKFLOW)));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("generated files are found without following links or reading temporary files", () =>
  withTree((root) => {
    mkdirSync(path.join(root, "generated/extra"));
    symlinkSync(path.join(root, "missing"), path.join(root, "generated/extra/dangling.md"));
    writeFileSync(path.join(root, `${WORKFLOW}.${process.pid}.tmp`), readFileSync(path.join(root, WORKFLOW)));
    writeAll(root, expected, []);
    assert.deepEqual(changedFiles(root), []);
  }));

test("a tree written for the first time gets its folder, its files and no lock left behind", () =>
  withTree((parent) => {
    const root = path.join(parent, "new", "tree");
    writeAll(root, expected, []);
    assert.deepEqual(changedFiles(root), []);
    assert.equal(existsSync(path.join(root, LOCK_FILE)), false);
  }));
