/**
 * Structure of the emitted docker-build workflow: the jobs and their needs,
 * conditions and permissions, the pins, the guards of the save and upload steps,
 * and the skipped twin as the complement of the verify job.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { emittedWorkflow, emittedWorkflows } from "./support/emitted.ts";
import { allPins } from "../scripts/actions/pin-table.ts";

const pins = allPins();

const workflow = await emittedWorkflow("docker-build.yml");
const jobs = workflow["jobs"] as Record<string, any>;
const stepNamed = (jobId: string, name: string): any => {
  const step = jobs[jobId].steps.find((s: any) => s.name === name);
  assert.ok(step, `job ${jobId} has no step "${name}"`);
  return step;
};

test("the workflow has exactly the five jobs, with their needs", () => {
  assert.deepEqual(Object.keys(jobs), ["build-and-push", "test-image", "trivy-pr-app-only", "verify-supply-chain-pr", "verify-supply-chain-pr-skipped"]);
  assert.equal(jobs["build-and-push"].needs, undefined);
  assert.equal(jobs["trivy-pr-app-only"].needs, undefined);
  for (const id of ["test-image", "verify-supply-chain-pr", "verify-supply-chain-pr-skipped"]) {
    assert.deepEqual(jobs[id].needs, ["build-and-push"], id);
  }
});

test("triggers, concurrency and top-level permissions", () => {
  const branches = ["main", "development", "feature/beta-release"];
  assert.deepEqual(workflow["on"].push.branches, branches);
  assert.deepEqual(workflow["on"].pull_request.branches, branches);
  assert.ok("workflow_dispatch" in workflow["on"]);
  assert.deepEqual(workflow["permissions"], {});
  assert.equal(workflow["concurrency"].group, "docker-build-${{ github.event_name }}-${{ github.ref }}");
  assert.equal(workflow["concurrency"]["cancel-in-progress"], true);
});

test("every job declares exactly the permissions it needs", () => {
  assert.deepEqual(jobs["build-and-push"].permissions, { contents: "read", packages: "write", "security-events": "write", "id-token": "write", attestations: "write" });
  assert.deepEqual(jobs["test-image"].permissions, { contents: "read", packages: "read" });
  assert.deepEqual(jobs["trivy-pr-app-only"].permissions, { contents: "read" });
  assert.deepEqual(jobs["verify-supply-chain-pr"].permissions, { contents: "read", "pull-requests": "write", "security-events": "write" });
  assert.deepEqual(jobs["verify-supply-chain-pr-skipped"].permissions, { "pull-requests": "write" });
});

test("job conditions", () => {
  assert.equal(jobs["trivy-pr-app-only"].if, "github.event_name == 'pull_request'");
  assert.equal(jobs["test-image"].if, "github.event_name != 'pull_request' && needs.build-and-push.outputs.skip_build != 'true'");
  assert.equal(jobs["verify-supply-chain-pr"].if, "github.event_name == 'pull_request' && needs.build-and-push.outputs.skip_build != 'true' && needs.build-and-push.result == 'success'");
  assert.equal(jobs["verify-supply-chain-pr-skipped"].if, "github.event_name == 'pull_request' && needs.build-and-push.outputs.skip_build == 'true'");
  assert.equal(jobs["verify-supply-chain-pr"]["timeout-minutes"], 15);
});

test("build-and-push exports the metadata's first tag as the image reference", () => {
  const outputs = jobs["build-and-push"].outputs;
  assert.deepEqual(Object.keys(outputs), ["skip_build", "skip_reason", "digest", "image_ref"]);
  assert.equal(outputs.image_ref, "${{ fromJSON(steps.meta.outputs.json || '{}').tags[0] }}");
  assert.equal(outputs.skip_build, "${{ steps.skip.outputs.skip_build }}");
});

test("the save and upload steps run only after the build step succeeded", () => {
  const save = stepNamed("build-and-push", "Save the PR image");
  assert.match(save.if, /steps\.build\.outcome == 'success'/);
  assert.match(save.if, /github\.event_name == 'pull_request'/);
  assert.equal(save.env.IMAGE_TAG, "${{ fromJSON(steps.meta.outputs.json || '{}').tags[0] }}");
  const upload = stepNamed("build-and-push", "Upload the PR image artifact");
  assert.match(upload.if, /steps\.build\.outcome == 'success'/);
  assert.match(upload.if, /steps\.save\.outcome == 'success'/);
  const build = stepNamed("build-and-push", "Build and push Docker image");
  assert.match(build.if, /steps\.skip\.outputs\.skip_build != 'true'/);
});

test("upload and download use one artifact contract", () => {
  const upload = stepNamed("build-and-push", "Upload the PR image artifact");
  const download = stepNamed("verify-supply-chain-pr", "Download the PR image artifact");
  assert.equal(upload.with.name, download.with.name);
  assert.equal(upload.with.name, "pr-image-${{ github.event.pull_request.number }}");
  assert.equal(upload.with.path, stepNamed("verify-supply-chain-pr", "Load the PR image").env.ARCHIVE);
  assert.equal(upload.with["retention-days"], 1);
  assert.equal(upload.with.overwrite, true);
  assert.equal(upload.with["if-no-files-found"], "error");
});

test("consumers of the image read it from build-and-push's output", () => {
  const ref = "${{ needs.build-and-push.outputs.image_ref }}";
  assert.equal(stepNamed("verify-supply-chain-pr", "Load the PR image").env.IMAGE_REF, ref);
  assert.equal(stepNamed("verify-supply-chain-pr", "Generate the SBOM").env.IMAGE_REF, ref);
  assert.equal(stepNamed("test-image", "Pull the published image").env.IMAGE_REF, ref);
});

test("every uses: is pinned to the pin table's commit with its tag", async () => {
  // An action may be pinned at more than one version: the pin is the one of its commit.
  const byUses = new Map(pins.map((p) => [`${p.action}@${p.commit}`, p]));
  for (const file of await emittedWorkflows()) {
    const usesLines = file.content.split("\n").filter((line) => line.trimStart().startsWith("uses:") || line.trimStart().startsWith("- uses:"));
    assert.ok(usesLines.length > 0, file.path);
    for (const line of usesLines) {
      const [ref, comment] = line.split("uses:")[1]!.trim().split(" # ");
      // A local action runs from the workflow's own commit: nothing to pin.
      if (ref!.startsWith("./")) continue;
      const [action, commit] = ref!.split("@");
      assert.match(commit!, /^[0-9a-f]{40}$/);
      const pin = byUses.get(ref!);
      assert.ok(pin, `${file.path}: ${action} at ${commit} is not in the pin table`);
      assert.equal(comment, pin.tag, line);
    }
  }
});

// ../shared lists the vetted pins of the docker-build actions; the manifest may hold more
// actions and other versions, but a tag it shares with that list must name the same commit.
test("a pin whose action and tag the shared pin list has names the same commit, when the list is present", (t) => {
  const pinsFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../shared/actions/PINS.tsv");
  let text: string;
  try {
    text = readFileSync(pinsFile, "utf8");
  } catch {
    t.skip("../shared/actions/PINS.tsv is not present");
    return;
  }
  const shared = new Map(text.trim().split("\n").map((line) => line.split("\t")).map(([action, commit, tag]) => [`${action}@${tag}`, commit]));
  const compared = pins.filter((pin) => shared.has(`${pin.action}@${pin.tag}`));
  assert.ok(compared.length > 0, "the shared list and the manifest have pins in common");
  for (const pin of compared) assert.equal(pin.commit, shared.get(`${pin.action}@${pin.tag}`), `${pin.action}@${pin.tag}`);
});

test("every checkout keeps no credentials unless its job pushes with git, and no script holds an expression", async () => {
  for (const file of await emittedWorkflows()) {
    for (const job of Object.values((await emittedWorkflow(path.basename(file.path)))["jobs"]) as any[]) {
      const pushes = job.steps.some((step: any) => /\bgit push\b/.test(step.run ?? ""));
      for (const step of job.steps) {
        if (String(step.uses ?? "").startsWith("actions/checkout@")) assert.equal(step.with["persist-credentials"], pushes, `${file.path}: "${step.name}"`);
        for (const code of [step.run, step.with?.script]) if (code) assert.ok(!code.includes("${{"), `${file.path}: "${step.name}" has an expression in its code`);
      }
    }
  }
});
