import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { guardCoverage } from "../../../scripts/lint/rules/guard-coverage.ts";
import { lintText, oneJob } from "../lint-text.ts";

// Output reads are guarded by policy in the workflows the project emits; these tests read them as such.
const run = (steps: string) => lintText(oneJob(steps), [guardCoverage], { emitted: true });
const skip = `      - id: skip\n        run: echo "skip_build=true" >> "$GITHUB_OUTPUT"\n`;
const meta = `      - id: meta\n        if: steps.skip.outputs.skip_build != 'true'\n        uses: docker/metadata-action@c299e40c65443455700f0fdfc63efafe5b349051\n`;
const reader = (condition: string) => `      - name: Save\n${condition ? `        if: ${condition}\n` : ""}        run: docker save "$REF"\n        env:\n          REF: \${{ fromJSON(steps.meta.outputs.json).tags[0] }}\n`;

test("flags the seed's save step: guarded by the event only while the build is also guarded by the skip output", () => {
  const text = readFileSync(new URL("../../fixtures/seed-docker-build.yml", import.meta.url), "utf8");
  const findings = lintText(text, [guardCoverage]);
  assert.deepEqual(findings.map((f) => [f.rule, f.path]), [["guard-coverage", "jobs.build-and-push.steps[8].if"]]);
  assert.match(findings[0]?.message ?? "", /"build-and-push" was skipped/);
  assert.match(findings[0]?.message ?? "", /steps\.skip\.outputs\.skip_build = "true"/);
});

test("flags a reader whose condition does not imply the producer's", () => {
  const findings = run(skip + meta + reader("github.event_name == 'pull_request'"));
  assert.deepEqual(findings.map((f) => f.path), ["jobs.build.steps[2].if"]);
  assert.match(findings[0]?.message ?? "", /reads "steps\.meta\.outputs\.json"/);
});

test("accepts a reader that runs always() after an unconditional producer: it can only miss the value after a failure, which always() chose to handle", () => {
  assert.deepEqual(run(skip + `      - id: meta\n        uses: docker/metadata-action@c299e40c65443455700f0fdfc63efafe5b349051\n` + reader("always()")), []);
  assert.equal(run(skip + meta + reader("always()")).length, 1, "a producer skipped by its own condition still counts");
});

test("flags a reader of a step that may fail and continue", () => {
  const findings = run(`      - id: meta\n        continue-on-error: true\n        uses: docker/metadata-action@c299e40c65443455700f0fdfc63efafe5b349051\n` + reader(""));
  assert.match(findings[0]?.message ?? "", /failed/);
});

test("accepts a reader guarded on the producer's outcome or on an implying condition", () => {
  assert.deepEqual(run(skip + meta + reader("github.event_name == 'pull_request' && steps.meta.outcome == 'success'")), []);
  assert.deepEqual(run(skip + meta + reader("steps.skip.outputs.skip_build != 'true' && github.event_name == 'pull_request'")), []);
  assert.deepEqual(run(skip + meta + reader("")).length, 1, "no condition: meta may be skipped while the reader runs");
});

test("accepts a reader after an unconditional producer that keeps the implicit success()", () => {
  assert.deepEqual(run(skip + `      - id: meta\n        uses: docker/metadata-action@c299e40c65443455700f0fdfc63efafe5b349051\n` + reader("github.event_name == 'push'")), []);
});

test("in an emitted workflow, follows the file an upload sends back to the step that wrote it (a guess from names, not made for other files)", () => {
  const writer = (condition: string) => `      - name: Write\n        if: ${condition}\n        run: tar -cf /tmp/out.tar .\n`;
  const upload = `      - name: Upload\n        uses: actions/upload-artifact@b7c566a772e6b6bfb58ed0dc250532a479d7789f\n        with:\n          name: out\n          path: /tmp/out.tar\n`;
  const emitted = (steps: string) => lintText(oneJob(steps), [guardCoverage], { emitted: true });
  assert.equal(emitted(writer("github.event_name == 'push'") + upload).length, 1);
  assert.deepEqual(emitted(writer("always()") + upload), []);
  assert.deepEqual(lintText(oneJob(writer("github.event_name == 'push'") + upload), [guardCoverage]), []);
});

test("tolerates an output the script only expands with a default, and nothing else", () => {
  const summary = (use: string) => `      - name: Summary\n        if: always()\n        run: echo "tags ${use}"\n        env:\n          TAGS: \${{ steps.meta.outputs.tags }}\n`;
  assert.deepEqual(run(skip + meta + summary("${TAGS:-n/a}")), []);
  assert.equal(run(skip + meta + summary("${TAGS:-n/a} $TAGS")).length, 1);
  assert.equal(run(skip + meta + summary("${TAGS}")).length, 1);
});

const artifactWorkflow = (jobCondition: string, uploadCondition = "steps.skip.outputs.skip != 'true'") => `on: pull_request
jobs:
  build:
    runs-on: ubuntu-latest
    outputs:
      skip: \${{ steps.skip.outputs.skip }}
    steps:
      - id: skip
        run: echo "skip=true" >> "$GITHUB_OUTPUT"
      - id: upload
        if: ${uploadCondition}
        uses: actions/upload-artifact@b7c566a772e6b6bfb58ed0dc250532a479d7789f
        with:
          name: image
          path: /tmp/image.tar
  verify:
    needs: build
    if: ${jobCondition}
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@37930b1c2abaa49bbe596cd826c3c89aef350131
        with:
          name: image
`;

test("flags a job that downloads an artifact whose upload was skipped while the needed job succeeded", () => {
  const findings = lintText(artifactWorkflow("github.event_name == 'pull_request'"), [guardCoverage]);
  assert.deepEqual(findings.map((f) => f.path), ["jobs.verify.if"]);
  assert.match(findings[0]?.message ?? "", /downloads artifact "image".*"build\.upload" was skipped/);
  assert.equal(lintText(artifactWorkflow("always()", "true"), [guardCoverage]).length, 1, "always() runs after a failed upload");
});

test("accepts a download guarded through the needed job's output and result", () => {
  assert.deepEqual(lintText(artifactWorkflow("needs.build.outputs.skip != 'true'"), [guardCoverage]), []);
  assert.deepEqual(lintText(artifactWorkflow("always() && needs.build.result == 'success' && needs.build.outputs.skip != 'true'"), [guardCoverage]), []);
});

test("a github-script body that reads the output with a fallback tolerates a skipped producer", () => {
  const comment = (use: string) => `      - name: Comment\n        if: always()\n        uses: actions/github-script@f28e40c7f34bde8b3046d885e986cb6290c5673b\n        env:\n          TAGS: \${{ steps.meta.outputs.tags }}\n        with:\n          script: console.log(${use})\n`;
  assert.deepEqual(run(skip + meta + comment("process.env.TAGS ?? 'n/a'")), []);
  assert.equal(run(skip + meta + comment("process.env.TAGS")).length, 1);
});

test("a step that runs after failures on purpose (always(), failure()) may read what a failed or skipped-by-failure step left; a skip by its own condition still counts", () => {
  const summary = oneJob(`      - id: tag
        run: echo "tag=v1" >> "$GITHUB_OUTPUT"
      - run: make test
      - if: always()
        env:
          TAG: \${{ steps.tag.outputs.tag }}
        run: echo "tested $TAG"
      - if: success() || failure()
        env:
          TAG: \${{ steps.tag.outputs.tag }}
        run: echo "tested $TAG"
`);
  assert.deepEqual(lintText(summary, [guardCoverage], { emitted: true }), []);
  const skipped = oneJob(`      - id: tag
        if: github.event_name == 'push'
        run: echo "tag=v1" >> "$GITHUB_OUTPUT"
      - if: always()
        env:
          TAG: \${{ steps.tag.outputs.tag }}
        run: echo "tested $TAG"
`);
  const findings = lintText(skipped, [guardCoverage], { emitted: true });
  assert.equal(findings.length, 1);
  assert.match(findings[0]?.message ?? "", /"tag" was skipped \(e\.g\. when github\.event_name = /);
});

test("an output compared in the reader's own if: decides as written; only uses in env, inputs and scripts need a guard", () => {
  const text = oneJob(`      - id: check
        if: github.event_name == 'push'
        run: echo "changed=true" >> "$GITHUB_OUTPUT"
      - if: steps.check.outputs.changed != 'true'
        run: echo "nothing changed, or not a push"
`);
  assert.deepEqual(lintText(text, [guardCoverage], { emitted: true }), []);
});

test("in other files an output read is the consumer's business (an empty value may be handled), while a missing image is a defect", () => {
  const reads = skip + meta + reader("github.event_name == 'pull_request'");
  assert.deepEqual(lintText(oneJob(reads), [guardCoverage]), []);
  const image = oneJob(`      - id: build\n        if: github.event_name == 'push'\n        run: docker build -t app .\n      - run: docker save app -o app.tar\n`);
  const findings = lintText(image, [guardCoverage]);
  assert.equal(findings.length, 1);
  assert.match(findings[0]?.message ?? "", /uses the image built by "build" but can run when "build" was skipped/);
});
