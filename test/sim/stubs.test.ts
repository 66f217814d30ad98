/**
 * The stand-ins run steps call instead of docker and syft, on their own: they answer
 * like the real tools where a plan depends on it (a reference matches a whole line,
 * never a prefix or a pattern; a missing one fails with the daemon's message), and
 * the image ids and base digests they print are the digests of the reference.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createJobSandbox, createRunSandbox, removeRunSandbox, type JobSandbox, type RunSandbox } from "../../scripts/sim/run-step.ts";
import { scannerInstallModels } from "../../scripts/sim/models/scanner-install.ts";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function withStubs(work: (run: (...argv: string[]) => { status: number | null; stdout: string; stderr: string }, job: JobSandbox, sandbox: RunSandbox) => void): Promise<void> {
  const sandbox = createRunSandbox();
  try {
    const job = createJobSandbox(sandbox, "j");
    const run = (...argv: string[]) => {
      const result = spawnSync(path.join(job.bin, argv[0]!), argv.slice(1), { cwd: job.workspace, encoding: "utf8", env: { PATH: "/usr/bin:/bin", SIM_DAEMON: job.daemon, SIM_REGISTRY: sandbox.registry } });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    work(run, job, sandbox);
  } finally {
    await removeRunSandbox(sandbox);
  }
}

test("docker: a reference matches a whole line, as written, never a prefix or a pattern", async () => {
  await withStubs((docker, job) => {
    writeFileSync(path.join(job.daemon, "refs"), "ghcr.io/o/app:pr-12\naxb:1\nplain:latest\n");
    assert.deepEqual(docker("docker", "image", "inspect", "ghcr.io/o/app:pr-1"), { status: 1, stdout: "", stderr: "Error: No such image: ghcr.io/o/app:pr-1\n" });
    assert.equal(docker("docker", "inspect", "a.b:1").status, 1, "a dot is not a pattern");
    assert.equal(docker("docker", "inspect", "-f", "{{.Id}}", "plain").stdout, `sha256:${sha256("plain:latest")}\n`, "a name without a tag is :latest");
    assert.equal(docker("docker", "inspect", "ghcr.io/o/app:pr-12").stdout, `[{"Id":"sha256:${sha256("ghcr.io/o/app:pr-12")}","RepoTags":["ghcr.io/o/app:pr-12"]}]\n`);
  });
});

test("docker: tag, save and load move references through the daemon and log what moved", async () => {
  await withStubs((docker, job) => {
    writeFileSync(path.join(job.daemon, "refs"), "app:1\n");
    assert.match(docker("docker", "tag", "app:2", "app:copy").stderr, /^Error response from daemon: No such image: app:2$/m);
    assert.equal(docker("docker", "tag", "app:1", "app:copy").status, 0);
    assert.equal(docker("docker", "tag", "app:1", "app:copy").status, 0, "tagging twice keeps one line");
    assert.match(docker("docker", "save", "app:gone", "-o", "x.tar").stderr, /reference does not exist/);
    assert.equal(docker("docker", "save", "app:copy", "-o", "image.tar").status, 0);
    writeFileSync(path.join(job.daemon, "refs"), "");
    assert.equal(docker("docker", "load", "-i", "image.tar").stdout, "Loaded image: app:copy\n");
    assert.equal(readFileSync(path.join(job.daemon, "refs"), "utf8"), "app:copy\n");
    assert.equal(readFileSync(path.join(job.daemon, "events"), "utf8"), `save app:copy image.tar\nload app:copy\n`);
    assert.equal(docker("docker", "images", "--format", "{{.Repository}}").stdout, "app:copy\n");
  });
});

test("docker: pull needs the reference in the registry; buildx imagetools gives a digest per image; the rest is not modelled", async () => {
  await withStubs((docker, job, sandbox) => {
    writeFileSync(path.join(sandbox.registry, "refs"), "ghcr.io/o/app:main\n");
    assert.match(docker("docker", "pull", "ghcr.io/o/app:mai").stderr, /manifest unknown/);
    assert.equal(docker("docker", "pull", "ghcr.io/o/app:main").status, 0);
    assert.equal(readFileSync(path.join(job.daemon, "refs"), "utf8"), "ghcr.io/o/app:main\n");
    const digest = JSON.parse(docker("docker", "buildx", "imagetools", "inspect", "debian:trixie-slim", "--format", "{{json .Manifest}}").stdout) as { digest: string };
    assert.equal(digest.digest, `sha256:${sha256("base:debian:trixie-slim")}`);
    assert.deepEqual(docker("docker", "run", "app"), { status: 3, stdout: "", stderr: 'docker (simulated): "run app" is not modelled\n' });
  });
});

test("syft: scans a reference the daemon holds, and fails like syft for one it does not", async () => {
  await withStubs((tool, job) => {
    const syft = scannerInstallModels.find((m) => m.action.endsWith("download-syft"))!;
    syft.run({ job } as Parameters<typeof syft.run>[0]);
    writeFileSync(path.join(job.daemon, "refs"), "app:10\n");
    assert.match(tool("syft", "scan", "docker:app:1", "-o", "cyclonedx-json=sbom.json").stderr, /image "app:1" not found in the docker daemon/);
    assert.equal(tool("syft", "scan", "docker:app:10", "-o", "cyclonedx-json=sbom.json").status, 0);
    assert.equal((JSON.parse(readFileSync(path.join(job.workspace, "sbom.json"), "utf8")) as { components: unknown[] }).components.length, 1);
  });
});
