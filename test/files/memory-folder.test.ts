/**
 * The machine's memory folder (/dev/shm as a tmpfs that may run programs) and where
 * throw-away folders go: in TMPDIR when it is set, else in memory, else in the
 * system's temporary folder.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { memoryFolder, memoryFolderUsable, scratchParent } from "../../scripts/files/memory-folder.ts";

// Lines as /proc/self/mountinfo has them.
const line = (mountPoint: string, options: string, type: string) => `36 25 0:32 / ${mountPoint} ${options} shared:7 - ${type} ${type} rw,size=65536k`;

test("/dev/shm is used only as a tmpfs mounted without noexec, by the mount in effect", () => {
  assert.equal(memoryFolderUsable([line("/", "rw,relatime", "ext4"), line("/dev/shm", "rw,nosuid,nodev", "tmpfs")].join("\n")), true);
  assert.equal(memoryFolderUsable(line("/dev/shm", "rw,nosuid,nodev,noexec,relatime", "tmpfs")), false, "Docker's default");
  assert.equal(memoryFolderUsable(line("/dev/shm", "rw", "ext4")), false, "not memory");
  assert.equal(memoryFolderUsable(line("/dev/shmem", "rw", "tmpfs")), false, "another folder");
  assert.equal(memoryFolderUsable(""), false);
  assert.equal(memoryFolderUsable([line("/dev/shm", "rw", "tmpfs"), line("/dev/shm", "rw,noexec", "tmpfs")].join("\n")), false, "mounted over");
});

test("throw-away folders go to the TMPDIR the user set, else to the memory folder, else to the system's temporary folder", () => {
  const saved = process.env["TMPDIR"];
  try {
    process.env["TMPDIR"] = "/somewhere/chosen";
    assert.equal(scratchParent(), "/somewhere/chosen");
    delete process.env["TMPDIR"];
    assert.equal(scratchParent(), memoryFolder() ?? tmpdir());
  } finally {
    if (saved === undefined) delete process.env["TMPDIR"];
    else process.env["TMPDIR"] = saved;
  }
});
