/**
 * The github-script model runs the body as the action does (an async function body
 * with `github`, `context`, `core`, …) with stand-ins, so a script that breaks fails
 * its step offline; API calls it does not model are reported, never guessed. Bodies
 * run in a process of their own, one after another, each in its own V8 context:
 * escaping the context reaches nothing of the runner, and a body that hangs or
 * misbehaves costs its process, not the next body's result.
 */
import { after, test } from "node:test";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import assert from "node:assert/strict";
import { githubContext } from "../../scripts/sim/event.ts";
import { parseEvent } from "../../scripts/sim/event-description.ts";
import { githubScriptModel } from "../../scripts/sim/models/github-script.ts";
import { GithubScriptRunner } from "../../scripts/sim/models/github-script-runner.ts";
import type { ModelInput, RunState } from "../../scripts/sim/models/model.ts";
import { UnsupportedFeature } from "../../scripts/sim/unsupported.ts";
import { assertEnds } from "../support/processes.ts";

const shared = new GithubScriptRunner();
after(() => shared.close());

function input(script: string, options: { env?: Record<string, string>; with?: Record<string, string>; fork?: string; scripts?: GithubScriptRunner } = {}): ModelInput & { run: RunState } {
  const event = parseEvent({ event: "pull_request", pr: 3, title: "feat: x", ...(options.fork ? { fork: options.fork } : {}) });
  const run = { comments: [], artifacts: new Map(), applied: [], scripts: options.scripts ?? shared } as unknown as RunState;
  return { with: { script, ...options.with }, env: options.env ?? {}, github: githubContext(event, "w"), event, job: { temp: tmpdir() } as ModelInput["job"], run, stepRef: "job/step" };
}

test("a comment is recorded with the pull request's number; process.env is the step's env", async () => {
  const step = input("await github.rest.issues.createComment({ ...context.repo, issue_number: context.issue.number, body: `hello ${process.env.WHO}, home=${process.env.HOME}` });", { env: { WHO: "maintainers" } });
  const result = await githubScriptModel.run(step);
  assert.equal(result.outcome, "success", result.error ?? "");
  assert.deepEqual(step.run.comments, [{ issue: 3, body: "hello maintainers, home=undefined", postedBy: "job/step" }]);
  assert.match(result.summary, /commented on #3: "hello maintainers/);
});

test("the return value is the result output, JSON unless result-encoding is string; core.setOutput adds outputs", async () => {
  assert.deepEqual((await githubScriptModel.run(input('core.setOutput("n", 2); return { ok: true };'))).outputs, { n: "2", result: '{"ok":true}' });
  assert.equal((await githubScriptModel.run(input("return 42;", { with: { "result-encoding": "string" } }))).outputs["result"], "42");
});

test("a script that throws, reads an undefined name or calls core.setFailed fails its step", async () => {
  for (const [script, error] of [
    ['throw new Error("boom");', /^Unhandled error: boom$/],
    ["const n = process.env.COUNT.length; await postCommentTypo(n);", /^Unhandled error: Cannot read properties of undefined/],
    ["await postCommentTypo();", /^Unhandled error: postCommentTypo is not defined$/],
    ['core.setFailed("gate closed");', /^gate closed$/],
  ] as const) {
    const result = await githubScriptModel.run(input(script));
    assert.equal(result.outcome, "failure", script);
    assert.match(result.error ?? "", error, script);
  }
});

test("on a pull request from a fork, creating a comment is refused with 403", async () => {
  const step = input("try { await github.rest.issues.createComment({ issue_number: 3, body: 'x' }); } catch (e) { core.warning(`refused ${e.status}`); }", { fork: "contributor" });
  const result = await githubScriptModel.run(step);
  assert.equal(result.outcome, "success");
  assert.deepEqual(step.run.comments, []);
  assert.equal(result.summary, "warning: refused 403");
});

test("API calls, require and exec that the model does not cover are reported as unsupported", async () => {
  for (const [script, feature] of [
    ["await github.rest.pulls.get({ pull_number: 1 });", "github.rest.pulls"],
    ["await github.rest.issues.addLabels({ labels: ['x'] });", "github.rest.issues.addLabels"],
    ['require("fs");', "github-script require"],
    ['await exec.exec("ls");', "exec.exec"],
  ] as const) {
    await assert.rejects(Promise.resolve(githubScriptModel.run(input(script))), (error: unknown) => error instanceof UnsupportedFeature && error.feature === feature, script);
  }
});

/** The pid of the process a body runs in, from the body (which reaches it by escaping its context). */
const PID = 'return process.constructor.constructor("return process")().pid;';

test("bodies share one process, each in a V8 context of its own", async () => {
  const scripts = new GithubScriptRunner();
  try {
    const first = await githubScriptModel.run(input(`globalThis.left = "by the first body"; ${PID}`, { scripts }));
    const second = await githubScriptModel.run(input(`return [typeof left, ${PID.replace(/^return |;$/g, "")}];`, { scripts }));
    const [leftover, pid] = JSON.parse(second.outputs["result"]!) as [string, number];
    assert.equal(leftover, "undefined", "a global of the first body is not in the second's context");
    assert.equal(pid, Number(first.outputs["result"]), "the same process");
    assert.equal(scripts.processesStarted, 1);
  } finally {
    await scripts.close();
  }
});

test("a body that never ends fails its step at the time limit; its process is killed and the next body gets a new one", async () => {
  const scripts = new GithubScriptRunner(1000);
  try {
    const pid = Number((await githubScriptModel.run(input(PID, { scripts }))).outputs["result"]);
    for (const hang of ["while (true) {}", "await new Promise(() => {});"]) {
      const started = performance.now();
      const result = await githubScriptModel.run(input(hang, { scripts }));
      assert.equal(result.outcome, "failure", hang);
      assert.equal(result.error, "the script did not finish within 1 s; its process was killed", hang);
      assert.equal(result.timedOut, true, `${hang}: said, so that nothing remembers it`);
      assert.ok(performance.now() - started < 20_000, hang);
    }
    await assertEnds(pid, "the process of the hanging body");
    const next = await githubScriptModel.run(input("return 7;", { scripts }));
    assert.deepEqual([next.outcome, next.outputs["result"], next.timedOut], ["success", "7", undefined]);
    assert.equal(scripts.processesStarted, 3, "one process for the first body, then one per body after each hang");
  } finally {
    await scripts.close();
  }
});

test("a body's time limit counts from when its process begins it, not from the process's start-up", async () => {
  const scripts = new GithubScriptRunner(200);
  try {
    const running = githubScriptModel.run(input("return 7;", { scripts }));
    // Let the runner start its process, then stand for a loaded machine: this process
    // reads nothing from the new one for longer than the body's limit (blocked, not spinning, so the cores stay free).
    await new Promise((resolve) => setImmediate(resolve));
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
    const result = await running;
    assert.deepEqual([result.outcome, result.outputs["result"], result.error], ["success", "7", undefined]);
  } finally {
    await scripts.close();
  }
});

test("a message sent after the body's result ends the process; the next body gets a new one", async () => {
  const scripts = new GithubScriptRunner();
  try {
    const late = 'const p = process.constructor.constructor("return process")(); p.constructor.constructor("return setTimeout")()(() => p.send({ kind: "message", text: "late" }), 20); return p.pid;';
    const first = await githubScriptModel.run(input(late, { scripts }));
    assert.equal(first.outcome, "success");
    await assertEnds(Number(first.outputs["result"]), "the process that sent a late message");
    const next = await githubScriptModel.run(input("core.notice('on time'); return 2;", { scripts }));
    assert.equal(next.summary, "notice: on time", "the late message is nobody's");
    assert.equal(scripts.processesStarted, 2);
  } finally {
    await scripts.close();
  }
});

test("a body that escapes its V8 context reaches only its own process: no environment, token, files, child processes or network", async () => {
  const server = createServer((_request, response) => response.end("reached"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env["GITHUB_TOKEN"] = "ghs_secret-of-the-runner";
  try {
    const port = (server.address() as AddressInfo).port;
    const escape = `
      const p = process.constructor.constructor("return process")();
      const attempt = async (work) => { try { return String(await work()); } catch (e) { return "refused: " + (e.code ?? e.name ?? e.message); } };
      return {
        env: Object.keys(p.env).join(","),
        token: String(p.env.GITHUB_TOKEN),
        environOfParent: await attempt(() => p.getBuiltinModule("fs").readFileSync("/proc/" + p.ppid + "/environ", "utf8")),
        projectFile: await attempt(() => p.getBuiltinModule("fs").readFileSync(${JSON.stringify(path.join(PROJECT_ROOT, "package.json"))}, "utf8").length),
        write: await attempt(() => p.getBuiltinModule("fs").writeFileSync("/tmp/github-script-wrote", "x")),
        spawn: await attempt(() => p.getBuiltinModule("child_process").execSync("id")),
        network: await attempt(() => p.constructor.constructor("return fetch")()("http://127.0.0.1:${port}/").then((r) => r.text())),
      };`;
    const result = await githubScriptModel.run(input(escape));
    assert.equal(result.outcome, "success", result.error ?? "");
    const reached = JSON.parse(result.outputs["result"]!);
    assert.equal(reached.env, "", "the body's process has an empty environment");
    assert.equal(reached.token, "undefined");
    assert.equal(reached.environOfParent, "refused: ERR_ACCESS_DENIED");
    assert.equal(reached.projectFile, "refused: ERR_ACCESS_DENIED");
    assert.equal(reached.write, "refused: ERR_ACCESS_DENIED");
    assert.equal(reached.spawn, "refused: ERR_ACCESS_DENIED");
    const networkIsolated = spawnSync("unshare", ["--net", "--map-root-user", "true"]).status === 0;
    if (networkIsolated) assert.match(reached.network, /^refused: /, "no network");
    assert.equal(existsSync("/tmp/github-script-wrote"), false);
  } finally {
    delete process.env["GITHUB_TOKEN"];
    server.close();
  }
});

test("a process that sends what the model does not know, or exits, fails its step", async () => {
  const forged = await githubScriptModel.run(input('process.constructor.constructor("return process")().send({ kind: "comment", issue: 1, body: "forged" }); await new Promise(() => {});'));
  assert.equal(forged.outcome, "failure");
  assert.match(forged.error ?? "", /sent a message the model does not know/);
  const exited = await githubScriptModel.run(input('process.constructor.constructor("return process")().exit(0);'));
  assert.equal(exited.outcome, "failure");
  assert.match(exited.error ?? "", /ended without a result/);
});
