/**
 * `--harden` and the manifest: the mechanical fixes are made and reported, and gen
 * then needs no waiver for them; a pin the manifest lacks is added with its metadata
 * when a folder has it, or inferred from the workflow and marked so; and a file the
 * importer refuses leaves the project untouched.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { generate } from "../../scripts/pipeline/generate.ts";
import { harden } from "../../scripts/import/harden.ts";
import { ImportError, importWorkflow } from "../../scripts/import/import-command.ts";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { scratchProject } from "./support/scratch-project.ts";

const fixtures = path.join(PROJECT_ROOT, "test/fixtures/import");

test("--harden moves ${{ }} out of bash scripts, keeping single-quoted text a literal", async () => {
  const workflow = parse(readFileSync(path.join(fixtures, "scripts.yml"), "utf8")) as Record<string, unknown>;
  const { workflow: hardened, changes } = await harden(workflow);
  const steps = (hardened["jobs"] as { check: { steps: Record<string, unknown>[] } }).check.steps;
  assert.equal(steps[1]!["run"], 'echo "Checking ${PULL_REQUEST_TITLE} with ${FILES_COUNT} files"');
  assert.deepEqual(steps[1]!["env"], { PULL_REQUEST_TITLE: "${{ github.event.pull_request.title }}", FILES_COUNT: "${{ steps.files.outputs.count }}" });
  assert.equal(steps[3]!["run"], `echo 'files: '"\${FILES_LIST}"''\necho "first: \${FILES_LIST}"\n`);
  assert.ok(changes.some((c) => c.startsWith("jobs.check.steps[1].run: moved")));
  assert.ok(changes.includes("jobs.check.permissions: the workflow's permissions, moved to the job"));
});

test("--harden gives jobs explicit permissions and checkouts no persisted credentials, unless a later step pushes", async () => {
  const workflow = {
    on: "push",
    jobs: {
      build: { "runs-on": "ubuntu-latest", steps: [{ uses: "actions/checkout@v4" }, { run: "make" }] },
      release: { "runs-on": "ubuntu-latest", steps: [{ uses: "actions/checkout@v4" }, { run: "git tag v1 && git push origin v1" }] },
    },
  };
  const { workflow: hardened, changes, notes } = await harden(workflow);
  const jobs = hardened["jobs"] as Record<string, { permissions: unknown; steps: Record<string, unknown>[] }>;
  assert.deepEqual(hardened["permissions"], {});
  assert.deepEqual(jobs["build"]!.permissions, { contents: "read" });
  assert.deepEqual(jobs["build"]!.steps[0]!["with"], { "persist-credentials": false });
  assert.equal(jobs["release"]!.steps[0]!["with"], undefined);
  assert.ok(notes.some((n) => n.startsWith("jobs.release.steps[0]: the checkout keeps its credentials")));
  assert.ok(changes.some((c) => c.includes("set to contents: read")));
  assert.deepEqual(workflow.jobs.build.steps[0], { uses: "actions/checkout@v4" }, "the parsed file is not changed in place");
});

test("--harden leaves an expression in a quoted here-document, and a PowerShell script, and says so", async () => {
  const workflow = {
    on: "push",
    permissions: {},
    jobs: {
      unix: { "runs-on": "ubuntu-latest", permissions: {}, steps: [{ run: "cat <<'EOF'\n${{ github.ref }}\nEOF\n" }, { run: "cat <<EOF\n${{ github.ref }}\nEOF\n" }] },
      windows: { "runs-on": "windows-latest", permissions: {}, steps: [{ run: "echo ${{ github.ref }}" }] },
    },
  };
  const { workflow: hardened, notes } = await harden(workflow);
  const jobs = hardened["jobs"] as Record<string, { steps: Record<string, unknown>[] }>;
  assert.equal(jobs["unix"]!.steps[0]!["run"], "cat <<'EOF'\n${{ github.ref }}\nEOF\n");
  assert.equal(jobs["unix"]!.steps[1]!["run"], "cat <<EOF\n${REF}\nEOF\n", "an unquoted here-document expands");
  assert.equal(jobs["windows"]!.steps[0]!["run"], "echo ${{ github.ref }}");
  assert.ok(notes.some((n) => n.startsWith("jobs.unix.steps[0].run: its ${{ }} stay (one is in a quoted here-document)")), notes.join("\n"));
  assert.ok(notes.some((n) => n.startsWith("jobs.windows.steps[0].run: its ${{ }} stay (not a bash or sh script)")), notes.join("\n"));
});

test("a hardened import needs no waiver for what --harden fixed, and gen accepts it", async () => {
  const project = scratchProject();
  try {
    const result = await importWorkflow({ file: path.join(fixtures, "scripts.yml"), harden: true, actions: [], root: project.root });
    assert.ok(!result.waivers.some((w) => /template-injection|excessive-permissions|artipacked/.test(w)), result.waivers.join("\n"));
    assert.ok(result.changes.length >= 3, result.changes.join("\n"));
    const files = await generate({ workflows: await project.build(["scripts"]), documents: [], reports: [] });
    const emitted = parse(files.find((f) => f.path === ".github/workflows/scripts.yml")!.content) as { jobs: { check: { permissions: unknown } } };
    assert.deepEqual(emitted.jobs.check.permissions, { contents: "read", "pull-requests": "write" });
  } finally {
    project.remove();
  }
});

const PINNED = "1111111111111111111111111111111111111111";
const usingNewAction = `on: push
permissions: {}
jobs:
  lint:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - id: lint
        uses: acme/linter@${PINNED} # v2.3.0
        with:
          level: strict
      - run: echo "$FOUND"
        env:
          FOUND: \${{ steps.lint.outputs.findings }}
`;

test("a pin the manifest lacks is added with the metadata a folder has, and its binding written", async () => {
  const project = scratchProject();
  const dir = mkdtempSync(path.join(tmpdir(), "metadata-"));
  try {
    mkdirSync(path.join(dir, "acme/linter"), { recursive: true });
    writeFileSync(path.join(dir, "PINS.tsv"), `acme/linter\t${PINNED}\tv2.3.0\n`);
    writeFileSync(path.join(dir, "acme/linter/action.yml"), "name: linter\ndescription: d\ninputs:\n  level:\n    default: normal\n  fix:\n    default: 'false'\noutputs:\n  findings:\n    description: f\nruns:\n  using: node24\n  main: index.js\n");
    const file = path.join(dir, "lint.yml");
    writeFileSync(file, usingNewAction);
    const result = await importWorkflow({ file, harden: false, actions: [dir], root: project.root });
    assert.deepEqual(result.addedPins, ["acme/linter"]);
    const manifest = JSON.parse(readFileSync(path.join(project.root, "workflows-src/kit/actions.manifest.json"), "utf8")) as { actions: Record<string, unknown> };
    assert.deepEqual(manifest.actions["acme/linter"], { commit: PINNED, tag: "v2.3.0", inputs: { level: { required: false, default: "normal" }, fix: { required: false, default: "false" } }, outputs: ["findings"] });
    assert.match(readFileSync(path.join(project.root, "generated/actions/acme-linter.ts"), "utf8"), /readonly fix\?: BooleanInput;/);
    assert.match(readFileSync(path.join(project.root, "workflows-src/lint.ts"), "utf8"), /const lintStep = acmeLinter\(\{/);
  } finally {
    project.remove();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("without metadata offline, the pin's facts are inferred from the workflow and marked inferred", async () => {
  const project = scratchProject();
  const dir = mkdtempSync(path.join(tmpdir(), "no-metadata-"));
  try {
    const file = path.join(dir, "lint.yml");
    writeFileSync(file, usingNewAction);
    const result = await importWorkflow({ file, harden: false, actions: [], root: project.root });
    const manifest = JSON.parse(readFileSync(path.join(project.root, "workflows-src/kit/actions.manifest.json"), "utf8")) as { actions: Record<string, unknown> };
    assert.deepEqual(manifest.actions["acme/linter"], { commit: PINNED, tag: "v2.3.0", inputs: { level: { required: false } }, outputs: ["findings"], inferred: true });
    assert.match(readFileSync(path.join(project.root, "generated/actions/acme-linter.ts"), "utf8"), /inferred from a workflow that uses it, not read from its metadata: run `npm run sync-actions` to confirm them/);
    assert.ok(result.notes.some((n) => n.includes('"acme/linter" at v2.3.0: no metadata offline')));
  } finally {
    project.remove();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a file the importer refuses leaves the project as it was", async () => {
  const project = scratchProject();
  const dir = mkdtempSync(path.join(tmpdir(), "refused-"));
  try {
    const index = readFileSync(path.join(project.root, "workflows-src/index.ts"), "utf8");
    const cycle = path.join(dir, "cycle.yml");
    writeFileSync(cycle, "on: push\njobs:\n  a:\n    needs: b\n    runs-on: x\n    steps: [{ run: a }]\n  b:\n    needs: a\n    runs-on: x\n    steps: [{ run: b }]\n");
    await assert.rejects(importWorkflow({ file: cycle, harden: false, actions: [], root: project.root }), (error) => error instanceof ImportError && /jobs need each other in a cycle through "a"/.test(error.message));
    await assert.rejects(importWorkflow({ file: path.join(fixtures, "anchors.yml"), name: "docker-build", harden: false, actions: [], root: project.root }), /workflows-src\/docker-build\.ts already exists/);
    writeFileSync(path.join(dir, "list.yml"), "- not a workflow\n");
    await assert.rejects(importWorkflow({ file: path.join(dir, "list.yml"), harden: false, actions: [], root: project.root }), /must be a YAML mapping at the top level/);
    assert.equal(readFileSync(path.join(project.root, "workflows-src/index.ts"), "utf8"), index);
  } finally {
    project.remove();
    rmSync(dir, { recursive: true, force: true });
  }
});
