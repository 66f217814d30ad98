/**
 * gen and check run the lint rules: a source whose emitted workflow has an error
 * finding makes gen write nothing (and check fail through the same generate()).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runGen } from "../../scripts/pipeline/gen-command.ts";
import { generate } from "../../scripts/pipeline/generate.ts";
import { formatProblem, GenerationError } from "../../scripts/pipeline/source-problem.ts";
import { emittedFindings } from "../../scripts/pipeline/emitted-lint.ts";
import { RULE_CATALOGUE_PATH } from "../../scripts/lint/catalogue.ts";
import { documents as documentEntries } from "../../scripts/pipeline/documents.ts";
import { build as handBuiltImage } from "../fixtures/bad/hand-built-image.ts";
import { build as rawGuard } from "../fixtures/bad/raw-guard.ts";
import { build as downloadExecScript } from "../fixtures/bad/download-exec-script.ts";
import { build as workflowsCheck } from "../../workflows-src/workflows-check.ts";
import { job, scriptStep, workflow, type BuiltWorkflow } from "../../workflows-src/kit/index.ts";

function withRoot(body: (root: string) => Promise<void>): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), "gen-lint-"));
  return body(root).finally(() => rmSync(root, { recursive: true, force: true }));
}

test("gen writes nothing when a source breaks a lint rule, and names the rule and the TypeScript line", () =>
  withRoot(async (root) => {
    await assert.rejects(runGen(root, { workflows: [workflowsCheck, rawGuard] }), (error: unknown) => {
      assert.ok(error instanceof GenerationError);
      assert.ok(error.problems.map(formatProblem).some((p) => p.includes("[guard-coverage]") && p.startsWith("test/fixtures/bad/raw-guard.ts:")), error.message);
      return true;
    });
    assert.deepEqual(readdirSync(root), [], "no file was written, not even the valid workflow's");
  }));

test("gen writes the files when every source is clean (the test above can fail)", () =>
  withRoot(async (root) => {
    const result = await runGen(root, { workflows: [workflowsCheck] });
    // workflows-check declares scenarios, so its plan report is written with it.
    const documents = [RULE_CATALOGUE_PATH, "generated/workflows-check.plan.md", ...documentEntries.flatMap((build) => build().map((f) => f.path))];
    assert.deepEqual(result.written, [".github/workflows/workflows-check.yml", ...documents].sort());
  }));

test("generate(), which check compares with disk, fails on the same source", async () => {
  await assert.rejects(generate({ workflows: [rawGuard] }), /\[guard-coverage\]/);
});

test("a workflow with an error finding is not remembered as clean: the next run refuses it again", async () => {
  for (const run of ["first", "second"]) {
    await assert.rejects(generate({ workflows: [workflowsCheck, rawGuard] }), /\[guard-coverage\]/, `${run} run`);
  }
});

test("npm run lint's findings come from the same memory, which never keeps a workflow with findings", async () => {
  const seed = { path: ".github/workflows/seed.yml", content: readFileSync(new URL("../fixtures/seed-docker-build.yml", import.meta.url), "utf8") };
  for (const run of ["first", "second"]) {
    const findings = await emittedFindings([seed]);
    assert.ok(findings.some((f) => f.rule === "guard-coverage" && f.file === seed.path), `${run} run: ${findings.length} findings`);
  }
});

test("generation builds without source locations, yet a build problem still names the TypeScript line", async () => {
  const elsewhere = job("elsewhere", {}, () => ({ name: "Elsewhere", "runs-on": "ubuntu-latest", "timeout-minutes": 5, permissions: {}, steps: [scriptStep({ name: "Say", run: "echo hi\n" })] }));
  const orphanNeeds = (): BuiltWorkflow => {
    const needing = job("needing", { needs: [elsewhere] }, () => ({ name: "Needing", "runs-on": "ubuntu-latest", "timeout-minutes": 5, permissions: {}, steps: [scriptStep({ name: "Say", run: "echo hi\n" })] }));
    return workflow(new URL("./orphan-needs.ts", import.meta.url).href, { name: "Orphan needs", on: { push: {} }, permissions: {}, jobs: [needing] });
  };
  await assert.rejects(generate({ workflows: [orphanNeeds], reports: [] }), (error: unknown) => {
    assert.ok(error instanceof GenerationError);
    assert.match(error.message, /needs job "elsewhere", which is not in this workflow/);
    assert.match(error.message, /test\/lint\/gen-refuses\.test\.ts:\d+/);
    return true;
  });
});

test("a finding on an emitted workflow gives its fix in the kit's terms, at the TypeScript line that built the object", async () => {
  const cases = [
    { fixture: "hand-built-image.ts", build: handBuiltImage, built: "const push = ", says: /\[hand-built-ref\]$/, fix: /name the image with prImageTag\(meta\) in the step's env, and read it in other jobs through needs\(job\)\.outputs/ },
    { fixture: "raw-guard.ts", build: rawGuard, built: "const save = ", says: /\[guard-coverage\]$/, fix: /add step "meta" to its "after: \[meta\]", or to "tolerates: \[meta\]"/ },
  ];
  for (const { fixture, build, built, says, fix } of cases) {
    const file = `test/fixtures/bad/${fixture}`;
    const line = readFileSync(new URL(`../fixtures/bad/${fixture}`, import.meta.url), "utf8").split("\n").findIndex((l) => l.includes(built)) + 1;
    await assert.rejects(generate({ workflows: [build] }), (error: unknown) => {
      assert.ok(error instanceof GenerationError);
      const printed = error.problems.map(formatProblem).find((p) => says.test(p));
      assert.ok(printed, error.message);
      assert.ok(printed.startsWith(`${file}:${line}:`), printed);
      assert.match(printed, fix);
      assert.doesNotMatch(printed, /steps\.\w+\.outcome == 'success'" to its if:|pass fromJSON\(/, "not the YAML fix");
      return true;
    });
  }
});

test("a finding inside a script kept in a file names that file, where the fix goes", async () => {
  await assert.rejects(generate({ workflows: [downloadExecScript], reports: [] }), (error: unknown) => {
    assert.ok(error instanceof GenerationError);
    const problem = error.problems.find((p) => p.message.includes("[download-exec]"));
    assert.equal(problem?.file, "test/fixtures/bad/scripts/install-tool.sh", error.message);
    return true;
  });
});
