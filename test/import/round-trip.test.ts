/**
 * The importer's round trip on workflows written for these tests (matrices, services,
 * containers, reusable workflows on both sides, anchors, local and Docker actions,
 * every form of `on:`, scripts): each is imported into a scratch project, the modules
 * are built and generated together — lint gate and call checks included — and every
 * emitted workflow must parse to the same value as its file. The imported modules
 * must also pass the type check.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { generate } from "../../scripts/pipeline/generate.ts";
import { firstDifference } from "../../scripts/import/round-trip.ts";
import { typecheckSources } from "../../scripts/pipeline/typecheck.ts";
import { importWorkflow, type ImportResult } from "../../scripts/import/import-command.ts";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { scratchProject, type ScratchProject } from "./support/scratch-project.ts";

const fixtures = path.join(PROJECT_ROOT, "test/fixtures/import");
// The callee before its caller, which imports the callee's declaration.
const FILES = ["reusable-callee", "reusable-caller", "matrix-services", "anchors", "composite-and-docker", "triggers", "on-single", "scripts", "large"];

let project: ScratchProject;
const reports = new Map<string, ImportResult>();
let emitted: Map<string, string>;

before(async () => {
  project = scratchProject();
  for (const name of FILES) reports.set(name, await importWorkflow({ file: path.join(fixtures, `${name}.yml`), harden: false, actions: [], root: project.root }));
  const builds = await project.build(FILES);
  const files = await generate({ workflows: builds, documents: [], reports: [] });
  emitted = new Map(files.map((file) => [file.path, file.content]));
});

after(() => project.remove());

for (const name of FILES) {
  test(`${name}.yml comes back from import and gen with the same data`, () => {
    const original = parse(readFileSync(path.join(fixtures, `${name}.yml`), "utf8")) as unknown;
    const text = emitted.get(`.github/workflows/${name}.yml`);
    assert.ok(text, `gen emitted ${name}.yml`);
    assert.equal(firstDifference(original, parse(text), ""), undefined);
  });
}

test("the imported modules pass the type check", async () => {
  writeFileSync(path.join(project.root, "tsconfig.import.json"), JSON.stringify({ extends: "./tsconfig.json", include: FILES.map((name) => `workflows-src/${name}.ts`) }));
  // Through gen's gate: a tree whose checked files have the same content as one that passed on this machine passes without TypeScript.
  assert.deepEqual(await typecheckSources(project.root, "tsconfig.import.json"), []);
});

test("a reusable workflow and its caller are linked by the callee's declaration", () => {
  const callee = readFileSync(path.join(project.root, "workflows-src/reusable-callee.ts"), "utf8");
  const caller = readFileSync(path.join(project.root, "workflows-src/reusable-caller.ts"), "utf8");
  assert.match(callee, /export const workflowCall = reusableWorkflow\(import\.meta\.url, \{ inputs: /);
  assert.match(callee, /on: \{ workflow_call: workflowCall\.trigger\(/);
  assert.match(caller, /import \{ workflowCall as reusableCalleeCall \} from "\.\/reusable-callee\.ts";/);
  assert.match(caller, /callWorkflow\("image", \{ uses: reusableCalleeCall \}/);
  assert.match(caller, /needs\(imageJob\)\.outputs\.digest/, "the callee's output is read through needs()");
});

test("expressions are typed where the kit prints them back, and every raw one is reported", () => {
  const matrix = readFileSync(path.join(project.root, "workflows-src/matrix-services.ts"), "utf8");
  assert.match(matrix, /"runs-on": axes\.os/);
  assert.match(matrix, /if: and\(status\.always\(\), eq\(testStep\.outcome, "failure"\)\)/);
  assert.match(matrix, /postgresService\.port\(5432\)/);
  const scripts = readFileSync(path.join(project.root, "workflows-src/scripts.ts"), "utf8");
  assert.match(scripts, /if: raw<boolean>\("steps\.files\.outputs\.count > 0"\)/, "a string output compared with a number does not type-check, so it is raw");
  for (const name of FILES) {
    const module = readFileSync(path.join(project.root, `workflows-src/${name}.ts`), "utf8");
    const written = (module.match(/\braw(<\w+>)?\(/g) ?? []).length;
    assert.equal(reports.get(name)!.raw.filter((line) => line.includes("raw(")).length, written, `${name}: every raw() is in the report`);
  }
});

test("lint findings are kept as waivers that say they came from the import", () => {
  const scripts = reports.get("scripts")!;
  assert.ok(scripts.waivers.includes("jobs.check.steps[1]: template-injection"), scripts.waivers.join("\n"));
  const text = emitted.get(".github/workflows/scripts.yml")!;
  assert.match(text, /# lint-ignore: template-injection -- imported from scripts\.yml: /);
  assert.ok(reports.get("composite-and-docker")!.waivers.includes("jobs.run.steps[0]: unpinned-uses"));
});

test("long scripts are files beside the module, read with scriptFile", () => {
  const module = readFileSync(path.join(project.root, "workflows-src/scripts.ts"), "utf8");
  assert.match(module, /run: scriptFile\(import\.meta\.url, "\.\/scripts\/check-0\.sh"\)/);
  assert.equal(readFileSync(path.join(project.root, "workflows-src/scripts/check-0.sh"), "utf8"), (parse(readFileSync(path.join(fixtures, "scripts.yml"), "utf8")) as { jobs: { check: { steps: { run: string }[] } } }).jobs.check.steps[0]!.run);
});

test("the registry lists every imported module", () => {
  const index = readFileSync(path.join(project.root, "workflows-src/index.ts"), "utf8");
  for (const name of FILES) assert.match(index, new RegExp(`from "\\./${name}\\.ts";`));
  assert.match(index, /, reusableCallee, reusableCaller, matrixServices, anchors, compositeAndDocker, triggers, onSingle, scripts, large\];/);
});
