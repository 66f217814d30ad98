/** The helpers the rules share: walking with YAML paths, context paths of expressions, conditions decided by enumeration, step guards. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { atomsOf, runs } from "../../scripts/lint/conditions.ts";
import { parseWorkflowDocument, pathAt } from "../../scripts/lint/document.ts";
import { conditionOf, contextPathsOf } from "../../scripts/lint/expressions.ts";
import { guardVerdict } from "../../scripts/lint/step-guard.ts";
import { outputsWrittenBy } from "../../scripts/lint/step-outputs.ts";
import { readShell } from "../../scripts/shell/read-shell.ts";
import { allSteps, jobsOf, scalarsOf, stepsOf } from "../../scripts/lint/walk.ts";

const text = `on: push
jobs:
  a:
    runs-on: x
    steps:
      - id: s
        run: echo "v=1" >> "$GITHUB_OUTPUT"
      - if: steps.s.outputs.v == '1'
        with:
          list: [one, two]
        uses: o/r@v1
`;

test("walk gives jobs, steps and scalars with YAML paths", () => {
  const { workflow } = parseWorkflowDocument("t.yml", text);
  assert.deepEqual(jobsOf(workflow).map((j) => j.path), ["jobs.a"]);
  assert.deepEqual(allSteps(workflow).map((s) => [s.path, s.id]), [["jobs.a.steps[0]", "s"], ["jobs.a.steps[1]", undefined]]);
  const step = stepsOf(jobsOf(workflow)[0]!)[1]!;
  assert.deepEqual(scalarsOf(step.step, step.path).map((s) => [s.path, s.isCondition]), [
    ["jobs.a.steps[1].if", true],
    ["jobs.a.steps[1].with.list[0]", false],
    ["jobs.a.steps[1].with.list[1]", false],
    ["jobs.a.steps[1].uses", false],
  ]);
});

test("pathAt finds the YAML path of a position", () => {
  const document = parseWorkflowDocument("t.yml", text);
  assert.equal(pathAt(document, text.indexOf("list")), "jobs.a.steps[1].with.list");
  assert.equal(pathAt(document, text.indexOf("two")), "jobs.a.steps[1].with.list[1]");
});

test("context paths stop at computed indexes and visit them", () => {
  const ast = conditionOf("${{ always() && fromJSON(steps.meta.outputs['json']).tags[0] != needs.b.outputs[matrix.key] }}");
  assert.ok(ast);
  assert.deepEqual(contextPathsOf(ast).map((p) => p.text), ["steps.meta.outputs.json", "needs.b.outputs", "matrix.key"]);
});

test("atoms range over the literals they are compared with, the empty string and one other value", () => {
  const atoms = atomsOf([conditionOf("github.event_name == 'push' && steps.a.outcome == 'success'")!]);
  assert.deepEqual(atoms.map((a) => [a.path, a.domain.length]), [["github.event_name", 3], ["steps.a.outcome", 4]]);
});

test("runs decides a condition under an assignment as the runner does (implicit success(), errors are false)", () => {
  const values = new Map([["github.event_name", "pull_request"], ["steps.x.outputs.skip", "true"]]);
  assert.equal(runs("github.event_name == 'pull_request'", values, "success"), true);
  assert.equal(runs("github.event_name == 'pull_request'", values, "failure"), false);
  assert.equal(runs("always() && steps.x.outputs.skip == 'true'", values, "failure"), true);
  assert.equal(runs(undefined, values, "cancelled"), false);
  assert.equal(runs("fromJSON(steps.x.outputs.skip).tags[0] == 'a'", new Map([["steps.x.outputs.skip", "not json"]]), "success"), false);
});

test("a guard that reads the producer's outcome, or the outcome of a step that needs the producer, is enough", () => {
  const { workflow } = parseWorkflowDocument(
    "t.yml",
    `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - id: skip\n        run: echo\n      - id: meta\n        if: steps.skip.outputs.skip_build != 'true'\n        run: echo\n      - id: build\n        if: steps.meta.outcome == 'success'\n        run: echo\n      - if: always() && steps.build.outcome == 'success'\n        run: echo\n`,
  );
  const steps = stepsOf(jobsOf(workflow)[0]!);
  assert.equal(guardVerdict(steps, steps[1]!, steps[3]!).kind, "guarded");
  assert.equal(guardVerdict(steps, steps[0]!, steps[1]!).kind, "guarded");
});

test("outputs written to GITHUB_OUTPUT are read from the script; computed names and other writers make them unknown", () => {
  const written = (script: string) => outputsWrittenBy(readShell(script));
  assert.deepEqual(written(`echo "a=1" >> "$GITHUB_OUTPUT"\nprintf 'b<<EOF\\n' >> "$GITHUB_OUTPUT"\nprintf 'c=%s\\n' "$C" >> $GITHUB_OUTPUT`), ["a", "b", "c"]);
  assert.deepEqual(written(`{ echo "d=1"; echo "e=$(date +%F)"; } >> "$GITHUB_OUTPUT"\necho "f=$F" | tee -a "$GITHUB_OUTPUT"`), ["d", "e", "f"]);
  assert.deepEqual(written(`cat >> "$GITHUB_OUTPUT" <<EOF\ng=1\nh<<BODY\nnot-a-name\nBODY\nEOF\necho "::set-output name=i::2"`), ["g", "h", "i"]);
  assert.deepEqual(written(`echo "a=1"`), []);
  assert.equal(written(`echo "\${k}=1" >> "$GITHUB_OUTPUT"`), undefined);
  assert.equal(written(`date +'today=%F' >> "$GITHUB_OUTPUT"`), undefined);
  assert.equal(written(`python3 scripts/version.py --output "$GITHUB_OUTPUT"`), undefined);
  assert.equal(outputsWrittenBy(readShell(`"a=1" >> $env:GITHUB_OUTPUT`, "powershell")), undefined);
});
