/**
 * Where a run's sandbox is made: in TMPDIR when it is set, else in memory where the
 * machine mounts /dev/shm as a tmpfs that may run programs; wherever it is, the
 * stand-ins in it run.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { memoryFolderUsable } from "../../scripts/files/memory-folder.ts";
import { createJobSandbox, createRunSandbox, removeRunSandbox } from "../../scripts/sim/run-step.ts";

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

test("with TMPDIR set the sandbox is made there", async () => {
  const place = realpathSync(mkdtempSync(path.join(tmpdir(), "sandbox-place-")));
  const saved = process.env["TMPDIR"];
  process.env["TMPDIR"] = place;
  try {
    const run = createRunSandbox();
    assert.equal(path.dirname(run.root), place);
    await removeRunSandbox(run);
  } finally {
    if (saved === undefined) delete process.env["TMPDIR"];
    else process.env["TMPDIR"] = saved;
    rmSync(place, { recursive: true, force: true });
  }
});

test("wherever the sandbox is made, its stand-ins run", async () => {
  const run = createRunSandbox();
  try {
    const job = createJobSandbox(run, "j");
    const docker = spawnSync(path.join(job.bin, "docker"), ["version"], { encoding: "utf8", env: { PATH: "/usr/bin:/bin", SIM_DAEMON: job.daemon, SIM_REGISTRY: run.registry } });
    assert.equal(docker.error, undefined);
    assert.deepEqual([docker.status, docker.stderr], [3, 'docker (simulated): "version" is not modelled\n']);
  } finally {
    await removeRunSandbox(run);
  }
});
