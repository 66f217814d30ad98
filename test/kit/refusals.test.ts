/**
 * The kit's construction errors: each names the job or step at fault and says
 * what to do, and `workflow()` reports all of them at once.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { actionsCheckout, and, BuildError, eq, github, not, or, githubScriptStep, job, raw, scriptStep, status, workflow, type JobHandle } from "../../workflows-src/kit/index.ts";

const runsOn = "ubuntu-latest";
const producer = () => scriptStep({ name: "Produce", id: "produce", outputs: ["value"], if: eq(github.eventName, "push"), run: "echo value=1 >> \"$GITHUB_OUTPUT\"" });

function problemsOf(jobs: readonly JobHandle[]): string[] {
  try {
    workflow(import.meta.url, { name: "t", on: { push: {} }, permissions: {}, jobs });
  } catch (error) {
    assert.ok(error instanceof BuildError, String(error));
    return error.problems.map((p) => `[${p.path}] ${p.message}`);
  }
  return [];
}

test("a well-formed workflow builds", () => {
  const p = producer();
  const ok = job("ok", {}, () => ({
    name: "ok",
    "runs-on": runsOn,
    permissions: {},
    steps: [p, scriptStep({ name: "Consume", after: [p], env: { VALUE: p.outputs.value }, run: "echo \"$VALUE\"" })],
  }));
  assert.deepEqual(problemsOf([ok]), []);
});

test("duplicate job ids are refused", () => {
  const make = () => job("same", {}, () => ({ name: "x", "runs-on": runsOn, permissions: {}, steps: [scriptStep({ name: "a", run: "true" })] }));
  const problems = problemsOf([make(), make()]);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /^\[jobs\.same\] job id "same" is used by two jobs/);
});

test("duplicate step ids are refused, naming both steps", () => {
  const j = job("j", {}, () => ({
    name: "j",
    "runs-on": runsOn,
    permissions: {},
    steps: [scriptStep({ name: "first", id: "dup", run: "true" }), scriptStep({ name: "second", id: "dup", run: "true" })],
  }));
  const problems = problemsOf([j]);
  assert.deepEqual(problems, ['[jobs.j.steps[1]] step "second" reuses id "dup" of steps[0]; give each step its own id']);
});

test("reading an output of a step in another job is refused", () => {
  const p = producer();
  const a = job("a", {}, () => ({ name: "a", "runs-on": runsOn, permissions: {}, steps: [p] }));
  const b = job("b", {}, () => ({
    name: "b",
    "runs-on": runsOn,
    permissions: {},
    steps: [scriptStep({ name: "Reader", tolerates: [p], env: { V: p.outputs.value }, run: "echo \"$V\"" })],
  }));
  const problems = problemsOf([a, b]);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /^\[jobs\.b\.steps\[0\]\] step "Reader" reads steps\.produce\.outputs\.value, but "produce" is not an earlier step of job "b"/);
});

test("reading a step output before the step runs is refused", () => {
  const p = producer();
  const j = job("j", {}, () => ({
    name: "j",
    "runs-on": runsOn,
    permissions: {},
    steps: [scriptStep({ name: "Too early", after: [p], env: { V: p.outputs.value }, run: "echo \"$V\"" }), p],
  }));
  const problems = problemsOf([j]);
  assert.ok(problems.some((p) => /step "Too early" reads steps\.produce\.outputs\.value, but "produce" is not an earlier step/.test(p)), problems.join("\n"));
});

test("reading the output of a conditional step without guarding on it is refused", () => {
  const p = producer();
  const j = job("j", {}, () => ({
    name: "j",
    "runs-on": runsOn,
    permissions: {},
    steps: [p, scriptStep({ name: "Unguarded", env: { V: p.outputs.value }, run: "echo \"$V\"" })],
  }));
  const problems = problemsOf([j]);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /step "Unguarded" reads steps\.produce\.outputs\.value but can run when "produce" did not run or failed; add it to after: \[produce\]/);
});

test("an always() reader of an unconditional step still needs a guard", () => {
  const p = scriptStep({ name: "Always there", id: "base", outputs: ["v"], run: "echo v=1 >> \"$GITHUB_OUTPUT\"" });
  const guardedByDefault = scriptStep({ name: "Default", env: { V: p.outputs.v }, run: "echo \"$V\"" });
  const always = scriptStep({ name: "Always", if: status.always(), env: { V: p.outputs.v }, run: "echo \"$V\"" });
  const j = job("j", {}, () => ({ name: "j", "runs-on": runsOn, permissions: {}, steps: [p, guardedByDefault, always] }));
  const problems = problemsOf([j]);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /^\[jobs\.j\.steps\[2\]\] step "Always" reads steps\.base\.outputs\.v but can run/);
});

test("reading a job that is not needed is refused, even through a cast", () => {
  const a = job("a", {}, () => ({ name: "a", "runs-on": runsOn, permissions: {}, outputs: { x: "1" }, steps: [scriptStep({ name: "s", run: "true" })] }));
  const b = job("b", {}, (needs) => {
    const sneaky = (needs as unknown as (j: JobHandle<"a", "x">) => { outputs: { x: unknown } })(a);
    return { name: "b", "runs-on": runsOn, permissions: {}, steps: [scriptStep({ name: "s", env: { X: sneaky.outputs.x as never }, run: "true" })] };
  });
  const problems = problemsOf([a, b]);
  assert.ok(problems.some((p) => /^\[jobs\.b\] reads job "a" which it does not need; add it to needs$/.test(p)), problems.join("\n"));
});

test("a needed job missing from the workflow is refused", () => {
  const a = job("a", {}, () => ({ name: "a", "runs-on": runsOn, permissions: {}, steps: [scriptStep({ name: "s", run: "true" })] }));
  const b = job("b", { needs: [a] }, () => ({ name: "b", "runs-on": runsOn, permissions: {}, steps: [scriptStep({ name: "s", run: "true" })] }));
  assert.deepEqual(problemsOf([b]), ['[jobs.b.needs] needs job "a", which is not in this workflow; add it to jobs']);
});

test("an expression inside a script is refused, for run: and github-script", () => {
  const j = job("j", {}, () => ({
    name: "j",
    "runs-on": runsOn,
    permissions: {},
    steps: [
      scriptStep({ name: "Injected", run: "echo ${{ github.event.pull_request.title }}" }),
      githubScriptStep({ name: "Injected JS", script: "console.log('${{ github.actor }}')" }),
    ],
  }));
  const problems = problemsOf([j]);
  assert.equal(problems.length, 2);
  assert.match(problems[0]!, /^\[jobs\.j\.steps\[0\]\] step "Injected" has "\$\{\{" inside its run; pass the value through env:/);
  assert.match(problems[1]!, /^\[jobs\.j\.steps\[1\]\] step "Injected JS" has "\$\{\{" inside its script/);
});

test("all problems of all jobs are reported together, with TypeScript sources", () => {
  const j1 = job("one", {}, () => ({ name: "1", "runs-on": runsOn, permissions: {}, steps: [scriptStep({ name: "a", run: "echo ${{ github.sha }}" })] }));
  const j2 = job("two", {}, () => ({ name: "2", "runs-on": runsOn, permissions: {}, steps: [scriptStep({ name: "b", id: "x", run: "true" }), scriptStep({ name: "c", id: "x", run: "true" })] }));
  let caught: BuildError | undefined;
  try {
    workflow(import.meta.url, { name: "t", on: { push: {} }, permissions: {}, jobs: [j1, j2] });
  } catch (error) {
    caught = error as BuildError;
  }
  assert.ok(caught);
  assert.equal(caught.problems.length, 2);
  const lineOf = (needle: string) => readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").findIndex((l) => l.includes(needle)) + 1;
  assert.deepEqual(
    caught.problems.map((p) => p.source),
    [`test/kit/refusals.test.ts:${lineOf('name: "a", run: "echo ${{ github.sha }}"')}`, `test/kit/refusals.test.ts:${lineOf('scriptStep({ name: "c", id: "x"')}`],
  );
});

test("raw() refuses an expression that does not parse", () => {
  assert.throws(() => raw("steps.meta.outputs.("), /Unexpected symbol|Unexpected end/);
});

test("an escape-hatch expression is still parsed when the workflow is built", () => {
  const j = job("j", {}, () => ({
    name: "j",
    "runs-on": runsOn,
    permissions: {},
    steps: [actionsCheckout({ name: "Uses", with: { ref: "${{ github.ref == }}" } })],
  }));
  const problems = problemsOf([j]);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /^\[jobs\.j\.steps\[0\]\.with\.ref\] expression does not parse/);
});

test("guards compose into the step's condition", () => {
  const p = producer();
  const s = scriptStep({ name: "c", if: eq(github.eventName, "push"), after: [p], run: "true" });
  assert.equal(s.step.if, "github.event_name == 'push' && steps.produce.outcome == 'success'");
  assert.equal(and(eq(github.eventName, "push")).text, "github.event_name == 'push'");
});

test("or and and combine with parentheses only where precedence needs them", () => {
  const push = eq(github.eventName, "push");
  const pr = eq(github.eventName, "pull_request");
  assert.equal(and(or(push, pr), push).text, "(github.event_name == 'push' || github.event_name == 'pull_request') && github.event_name == 'push'");
  assert.equal(or(and(push, pr), push).text, "github.event_name == 'push' && github.event_name == 'pull_request' || github.event_name == 'push'");
  assert.equal(not(push).text, "github.event_name != 'push'");
  assert.equal(not(or(push, pr)).text, "!(github.event_name == 'push' || github.event_name == 'pull_request')");
});
