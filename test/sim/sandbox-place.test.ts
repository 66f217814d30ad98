/**
 * Where a run's sandbox is made: in TMPDIR when it is set, else in memory where the
 * machine has a memory folder (test/files/memory-folder.test.ts); wherever it is, the
 * stand-ins in it run.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createJobSandbox, createRunSandbox, removeRunSandbox } from "../../scripts/sim/run-step.ts";

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
