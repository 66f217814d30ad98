/**
 * The github-script model runs the body as the action does (an async function body
 * with `github`, `context`, `core`, …) with stand-ins, so a script that breaks fails
 * its step offline; API calls it does not model are reported, never guessed.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { githubContext, parseEvent } from "../../scripts/sim/event.ts";
import { githubScriptModel } from "../../scripts/sim/models/github-script.ts";
import type { ModelInput, RunState } from "../../scripts/sim/models/model.ts";
import { UnsupportedFeature } from "../../scripts/sim/unsupported.ts";

function input(script: string, options: { env?: Record<string, string>; with?: Record<string, string>; fork?: string } = {}): ModelInput & { run: RunState } {
  const event = parseEvent({ event: "pull_request", pr: 3, title: "feat: x", ...(options.fork ? { fork: options.fork } : {}) });
  const run = { comments: [], artifacts: new Map(), applied: [] } as unknown as RunState;
  return { with: { script, ...options.with }, env: options.env ?? {}, github: githubContext(event, "w"), event, job: {} as ModelInput["job"], run, stepRef: "job/step" };
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
