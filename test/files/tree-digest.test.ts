import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { treeDigest } from "../../scripts/files/tree-digest.ts";

const PLACES = ["config.json", "lock.json", "src"];

test("the digest changes with any byte, name or presence of a file it covers, and only with those", () => {
  const root = mkdtempSync(path.join(tmpdir(), "tree-digest-"));
  try {
    mkdirSync(path.join(root, "src", "deep"), { recursive: true });
    writeFileSync(path.join(root, "src", "a.sh"), "echo a\n");
    writeFileSync(path.join(root, "src", "deep", "b.ts"), "export {};\n");
    writeFileSync(path.join(root, "config.json"), "{}\n");
    const first = treeDigest(root, PLACES);
    assert.equal(treeDigest(root, PLACES), first, "the same tree, the same digest");

    const changes: [string, () => void, () => void][] = [
      ["a byte of a file below a folder", () => writeFileSync(path.join(root, "src", "a.sh"), "echo b\n"), () => writeFileSync(path.join(root, "src", "a.sh"), "echo a\n")],
      ["a new file below a folder", () => writeFileSync(path.join(root, "src", "deep", "c.ts"), ""), () => rmSync(path.join(root, "src", "deep", "c.ts"))],
      ["a renamed file", () => renameSync(path.join(root, "src", "a.sh"), path.join(root, "src", "z.sh")), () => renameSync(path.join(root, "src", "z.sh"), path.join(root, "src", "a.sh"))],
      ["a single file's content", () => writeFileSync(path.join(root, "config.json"), "{ }\n"), () => writeFileSync(path.join(root, "config.json"), "{}\n")],
      ["an absent single file that appears, even empty", () => writeFileSync(path.join(root, "lock.json"), ""), () => rmSync(path.join(root, "lock.json"))],
      ["another Node", () => undefined, () => undefined],
    ];
    for (const [what, change, undo] of changes) {
      change();
      const changed = what === "another Node" ? treeDigest(root, PLACES, "v99.0.0") : treeDigest(root, PLACES);
      assert.notEqual(changed, first, what);
      undo();
      assert.equal(treeDigest(root, PLACES), first, `${what}, undone`);
    }
    writeFileSync(path.join(root, "elsewhere.md"), "not covered\n");
    assert.equal(treeDigest(root, PLACES), first, "a file outside the places");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a file's recorded digest is kept only while its identity on disk is the same: a rewrite to the same size and time is read again", async () => {
  const root = mkdtempSync(path.join(tmpdir(), "tree-digest-"));
  try {
    const file = path.join(root, "a.txt");
    writeFileSync(file, "first\n");
    // A whole second, so that the rewrite below can be given exactly the same modification time.
    const time = Math.floor(Date.now() / 1000) - 60;
    utimesSync(file, time, time);
    const written = statSync(file);
    // Older than the two seconds within which a file is too fresh to be recorded.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const first = treeDigest(root, ["a.txt"]);
    assert.equal(treeDigest(root, ["a.txt"]), first, "served from the record");
    writeFileSync(file, "other\n");
    utimesSync(file, time, time);
    assert.deepEqual([statSync(file).size, statSync(file).mtimeMs], [written.size, written.mtimeMs]);
    assert.notEqual(treeDigest(root, ["a.txt"]), first, "the change time gave the rewrite away");
    writeFileSync(file, "first\n");
    assert.equal(treeDigest(root, ["a.txt"]), first, "the same bytes again, the same digest");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
