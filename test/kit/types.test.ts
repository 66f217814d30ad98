/**
 * Compile-time refusals of the kit, checked by `npm run typecheck`: each
 * `@ts-expect-error` line must be an error, or the type check fails. The test
 * below only makes sure this file is part of the run.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { actionStep, eq, github, job, pins, scriptStep, type StepWithId } from "../../workflows-src/kit/index.ts";

const runsOn = "ubuntu-latest";
const anonymous = scriptStep({ name: "No id", run: "true" });
const withId = scriptStep({ name: "Id", id: "id", run: "true" });
const meta = actionStep({ name: "Meta", id: "meta", outputs: ["tags", "json"], uses: pins.metadata });

export function compileTimeRefusals(): void {
  // @ts-expect-error a step without an id has no outputs
  void anonymous.outputs;
  // @ts-expect-error a step without an id has no outcome
  void anonymous.outcome;
  // @ts-expect-error a step with an id but no declared outputs has no outputs
  void withId.outputs;
  // @ts-expect-error reading an output the step does not declare
  void meta.outputs.digest;
  // @ts-expect-error outputs need an id
  scriptStep({ name: "x", outputs: ["a"], run: "true" });
  // @ts-expect-error a guard must be a step with an id
  scriptStep({ name: "x", after: [anonymous], run: "true" });
  // @ts-expect-error an outcome compares only with step statuses
  eq(withId.outcome, "succeeded");
  // @ts-expect-error the event name compares only with known events
  eq(github.eventName, "pull-request");
  // @ts-expect-error every job declares its permissions
  job("no-permissions", {}, () => ({ name: "x", "runs-on": runsOn, steps: [] }));

  const producer = job("producer", {}, () => ({ name: "p", "runs-on": runsOn, permissions: {}, outputs: { ref: "x" }, steps: [] }));
  const other = job("other", {}, () => ({ name: "o", "runs-on": runsOn, permissions: {}, steps: [] }));
  job("consumer", { needs: [producer] }, (needs) => {
    // @ts-expect-error a job reads only the jobs it needs
    needs(other);
    // @ts-expect-error a job reads only declared outputs
    void needs(producer).outputs.digest;
    void needs(producer).outputs.ref;
    return { name: "c", "runs-on": runsOn, permissions: {}, steps: [] };
  });
}

test("the compile-time refusals are part of the type check", () => {
  const guard: StepWithId = withId;
  assert.equal(typeof compileTimeRefusals, "function");
  assert.equal(guard.succeeded.text, "steps.id.outcome == 'success'");
});
