import { test } from "node:test";
import assert from "node:assert/strict";
import { artifactContract } from "../../../scripts/lint/rules/artifact-contract.ts";
import { lintText } from "../lint-text.ts";

const workflow = (uploadName: string, downloadName: string, loadFile: string, needs = "build") => `on: pull_request
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: docker save app -o /tmp/charon-pr-image.tar
      - uses: actions/upload-artifact@b7c566a772e6b6bfb58ed0dc250532a479d7789f
        with:
          name: ${uploadName}
          path: /tmp/charon-pr-image.tar
  middle:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - run: echo
  verify:
    needs: ${needs}
    runs-on: ubuntu-latest
    steps:
      - name: Download
        uses: actions/download-artifact@37930b1c2abaa49bbe596cd826c3c89aef350131
        with:
          name: ${downloadName}
          path: /tmp
      - name: Load
        run: docker load -i /tmp/${loadFile}
`;

test("flags a download whose name no needed job uploads", () => {
  const findings = lintText(workflow("pr-image-${{ github.event.pull_request.number }}", "pr-image", "charon-pr-image.tar"), [artifactContract]);
  assert.deepEqual(findings.map((f) => [f.rule, f.path]), [["artifact-contract", "jobs.verify.steps[0].with.name"]]);
});

test("in an emitted workflow, flags a downloaded file the upload did not contain (pr-image.tar against charon-pr-image.tar)", () => {
  const findings = lintText(workflow("pr-image", "pr-image", "pr-image.tar"), [artifactContract], { emitted: true });
  assert.deepEqual(findings.map((f) => f.path), ["jobs.verify.steps[1].run"]);
  assert.match(findings[0]?.message ?? "", /"charon-pr-image\.tar"/);
  assert.deepEqual(lintText(workflow("pr-image", "pr-image", "pr-image.tar"), [artifactContract]), [], "the file contract is the emitted workflows' policy");
});

test("a name built from a matrix or another expression matches what it can become; reusable workflows and other runs are not judged", () => {
  assert.deepEqual(lintText(workflow("pkg-${{ matrix.os }}", "pkg-linux", "charon-pr-image.tar"), [artifactContract]), []);
  const text = `on: push
jobs:
  build:
    uses: ./.github/workflows/build.yml
  publish:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@37930b1c2abaa49bbe596cd826c3c89aef350131
        with:
          name: packages
      - uses: actions/download-artifact@37930b1c2abaa49bbe596cd826c3c89aef350131
        with:
          pattern: wheels-*
      - uses: actions/download-artifact@37930b1c2abaa49bbe596cd826c3c89aef350131
        with:
          name: report
          run-id: \${{ github.event.workflow_run.id }}
          github-token: \${{ github.token }}
`;
  assert.deepEqual(lintText(text, [artifactContract]), []);
});

test("flags a download from a job outside the needs chain", () => {
  const text = workflow("pr-image", "pr-image", "charon-pr-image.tar", "middle").replace("  middle:\n    needs: build\n", "  middle:\n");
  assert.deepEqual(lintText(text, [artifactContract]).map((f) => f.path), ["jobs.verify.steps[0].with.name"]);
});

test("leaves other names under the download folder alone (the job's own files and folders)", () => {
  assert.deepEqual(lintText(workflow("pr-image", "pr-image", "charon-pr-image.tar && ls /tmp/reports /tmp/sbom.json"), [artifactContract]), []);
});

test("accepts matching names and files, also through a job in between", () => {
  assert.deepEqual(lintText(workflow("pr-image", "pr-image", "charon-pr-image.tar"), [artifactContract]), []);
  assert.deepEqual(lintText(workflow("pr-image", "pr-image", "charon-pr-image.tar", "middle"), [artifactContract]), []);
});

test("a chain that uploads no artifact itself (an action may upload one) is not judged", () => {
  const text = `on: release
jobs:
  dist:
    runs-on: ubuntu-latest
    steps:
      - uses: octo/build-and-inspect-package@0123456789abcdef0123456789abcdef01234567
  publish:
    needs: dist
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@37930b1c2abaa49bbe596cd826c3c89aef350131
        with:
          name: Packages
`;
  assert.deepEqual(lintText(text, [artifactContract]), []);
});
