/**
 * Time limits and clean-up of executed steps, each attack on a sandbox of its own:
 * a background job that holds the step's output, a flood of output, a malformed or
 * huge `$GITHUB_OUTPUT`, and an interrupted run. Each ends as a failed step with a
 * clear reason, or with nothing left behind.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parse } from "yaml";
import { Tail } from "../../scripts/sim/bounded-process.ts";
import { parseEvent } from "../../scripts/sim/event-description.ts";
import { createJobSandbox, createRunSandbox, removeRunSandbox, runScript, type JobSandbox, type RunSandbox } from "../../scripts/sim/run-step.ts";
import { simulate } from "../../scripts/sim/simulate.ts";
import { parseWorkflowShape } from "../../scripts/sim/workflow-shape.ts";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { assertEnds } from "../support/processes.ts";

async function inSandbox(work: (run: RunSandbox, job: JobSandbox) => Promise<void>): Promise<void> {
  const run = createRunSandbox();
  try {
    await work(run, createJobSandbox(run, "j"));
  } finally {
    await removeRunSandbox(run);
  }
}

test("a background job holding the step's output cannot outlive the limit: the step fails and every process ends", async () => {
  await inSandbox(async (run, job) => {
    const started = performance.now();
    const script = ['(echo "$BASHPID" > "$RUNNER_TEMP/background.pid"; exec sleep 60) &', 'echo "done=yes" >> "$GITHUB_OUTPUT"', "exit 0"].join("\n");
    const result = await runScript(script, "bash", {}, job, run.registry, "0", 1_000);
    const took = performance.now() - started;
    assert.ok(took < 30_000, `took ${took} ms: the step did not wait for the background job`);
    assert.match(result.problem ?? "", /did not finish within the simulation's time limit of 1 s; every process of the step was killed/);
    assert.deepEqual(result.outputs, {}, "a step that timed out has no outputs");
    assert.equal(result.timedOut, true, "said, so that nothing remembers it");
    await assertEnds(Number(readFileSync(path.join(job.temp, "background.pid"), "utf8")), "the background process");
  });
});

test("as on a runner, the step waits for a background job that holds its output and ends in time", async () => {
  await inSandbox(async (run, job) => {
    const result = await runScript('(sleep 0.5; echo "late") &\necho "early"', undefined, {}, job, run.registry, "0", 5_000);
    assert.equal(result.problem, undefined);
    assert.equal(result.timedOut, false);
    assert.equal(result.stdout, "early\nlate\n");
  });
});

test("a flood of output is cut to its last 64 KB as it comes, and the bytes dropped are reported", async () => {
  await inSandbox(async (run, job) => {
    const result = await runScript("yes 0123456789abcdef | head -c 16000000\necho last-line", undefined, {}, job, run.registry, "0", 60_000);
    assert.equal(result.exitCode, 0, result.stderr);
    assert.equal(result.problem, undefined);
    assert.equal(result.droppedOutput, 16_000_000 + "last-line\n".length - 64 * 1024);
    assert.equal(result.stdout.length, 64 * 1024);
    assert.match(result.stdout, /last-line\n$/);
  });
});

test("more than 512 MB (longer than a string can be) passes through the tail, which keeps only its last bytes", () => {
  const tail = new Tail(64 * 1024);
  const chunk = Buffer.alloc(64 * 1024, "x");
  for (let i = 0; i < 9000; i++) tail.add(chunk);
  tail.add(Buffer.from("last-line\n"));
  assert.equal(tail.written, 9000 * 64 * 1024 + "last-line\n".length);
  assert.equal(tail.dropped, tail.written - 64 * 1024);
  assert.match(tail.text(), /^x+last-line\n$/);
  assert.equal(tail.text().length, 64 * 1024);
});

test("a malformed or oversized $GITHUB_OUTPUT fails its step with the reason, not a stack trace", async () => {
  const workflow = parseWorkflowShape(
    "limits.yml",
    parse(`
on: push
jobs:
  unclosed:
    steps:
      - id: s
        run: printf 'text<<EOF\\nnever closed\\n' >> "$GITHUB_OUTPUT"
      - if: steps.s.outputs.text == 'x'
        run: "true"
  no-equals:
    steps:
      - id: s
        run: echo "just words" >> "$GITHUB_OUTPUT"
      - if: steps.s.outputs.a == 'x'
        run: "true"
  huge:
    steps:
      - id: s
        run: truncate -s 600M "$GITHUB_OUTPUT"
      - if: steps.s.outputs.a == 'x'
        run: "true"
`),
  );
  const plan = await simulate(workflow, parseEvent({ event: "push", ref: "refs/heads/main" }));
  const first = (job: string) => plan.jobs[job]!.steps[0]!;
  assert.deepEqual(Object.values(plan.jobs).map((j) => j.result), ["failure", "failure", "failure"]);
  assert.match(first("unclosed").error ?? "", /^\$GITHUB_OUTPUT: file command "text" has no closing delimiter "EOF"; end the block with a line "EOF"$/);
  assert.match(first("no-equals").error ?? "", /^\$GITHUB_OUTPUT: file command line "just words" is neither name=value nor name<<DELIMITER/);
  assert.match(first("huge").error ?? "", /^\$GITHUB_OUTPUT holds 629145600 bytes, more than the 4194304 the simulation reads/);
});

test("an interrupted run leaves no workflow-sim folder and no process behind, github-script's included (SIGINT and SIGTERM)", async () => {
  const place = mkdtempSync(path.join(tmpdir(), "step-limits-"));
  try {
    // Compiled once by the runner, as the commands are, so neither run starts a TypeScript loader.
    const driver = [path.join(PROJECT_ROOT, "scripts", "run-ts.mjs"), path.join(PROJECT_ROOT, "test", "fixtures", "sim", "interrupted-run.ts")];
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      const id = randomUUID();
      const child = spawn(process.execPath, driver, { cwd: PROJECT_ROOT, env: { ...process.env, TMPDIR: place, BODY_ID: id }, stdio: "ignore" });
      const sandboxes = () => readdirSync(place).filter((name) => name.startsWith("workflow-sim-"));
      const scriptStarted = () => sandboxes().some((name) => existsSync(path.join(place, name, "jobs", "j", "temp", "started")));
      const bodyRuns = () => spawnSync("pgrep", ["-f", `github-script-${id}`]).status === 0;
      for (let waited = 0; !(scriptStarted() && bodyRuns()); waited += 50) {
        assert.ok(waited < 30_000, "the step and the body started");
        await sleep(50);
      }
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, received) => resolve(received)));
      child.kill(signal);
      assert.equal(await exited, signal, "the process still ends by the signal");
      assert.deepEqual(sandboxes(), [], `no workflow-sim folder after ${signal}`);
      // The kill is sent before the exit; the processes may take a moment to go on a busy machine.
      const stepRuns = () => spawnSync("pgrep", ["-f", "sleep 31.4159"]).status === 0;
      for (let waited = 0; stepRuns() || bodyRuns(); waited += 50) {
        assert.ok(waited < 5_000, `no step process (${stepRuns()}) and no github-script process (${bodyRuns()}) after ${signal}`);
        await sleep(50);
      }
    }
  } finally {
    rmSync(place, { recursive: true, force: true });
  }
});
