import { test } from "node:test";
import assert from "node:assert/strict";
import { stepRef } from "../../../scripts/lint/rules/step-ref.ts";
import { lintText, oneJob } from "../lint-text.ts";
import { actionPathOf, loadActionManifest } from "../../../scripts/actions/action-manifest.ts";
import { actionOutputsOf } from "../../../scripts/lint/step-outputs.ts";

const run = (steps: string, extra = "") => lintText(oneJob(steps, extra), [stepRef]);

test("flags a step that reads a step id no step has", () => {
  const findings = run(`      - run: echo "x=1" >> "$GITHUB_OUTPUT"\n        id: a\n      - run: echo "$V"\n        env:\n          V: \${{ steps.b.outputs.x }}\n`);
  assert.deepEqual(findings.map((f) => [f.rule, f.path]), [["step-ref", "jobs.build.steps[1].env.V"]]);
  assert.match(findings[0]?.message ?? "", /"b"/);
});

test("flags a step that reads a later step", () => {
  const findings = run(`      - run: echo "$V"\n        env:\n          V: \${{ steps.a.outputs.x }}\n      - id: a\n        run: echo "x=1" >> "$GITHUB_OUTPUT"\n`);
  assert.equal(findings.length, 1);
  assert.match(findings[0]?.message ?? "", /earlier/);
});

test("flags an output a run step never writes to GITHUB_OUTPUT", () => {
  const findings = run(`      - id: a\n        run: echo "tag=1" >> "$GITHUB_OUTPUT"\n      - if: steps.a.outputs.tags != ''\n        run: echo hi\n`);
  assert.deepEqual(findings.map((f) => f.path), ["jobs.build.steps[1].if"]);
  assert.match(findings[0]?.message ?? "", /"tags".*"tag"/);
});

test("flags an output the action does not declare", () => {
  const findings = run(`      - id: meta\n        uses: docker/metadata-action@c299e40c65443455700f0fdfc63efafe5b349051\n      - run: echo "$T"\n        env:\n          T: \${{ steps.meta.outputs.tag }}\n`);
  assert.equal(findings[0]?.rule, "step-ref");
  assert.match(findings[0]?.message ?? "", /"tag"/);
});

test("flags a job output that reads a missing step", () => {
  const findings = run(`      - run: echo\n`, `    outputs:\n      digest: \${{ steps.build.outputs.digest }}\n`);
  assert.deepEqual(findings.map((f) => f.path), ["jobs.build.outputs.digest"]);
});

test("accepts declared outputs of run, action and github-script steps, and outcomes", () => {
  const findings = run(
    [
      `      - id: a\n        run: |\n          echo "x=1" >> "$GITHUB_OUTPUT"\n          { echo "y=2"; echo "z<<EOF"; } >> "$GITHUB_OUTPUT"\n`,
      `      - id: meta\n        uses: docker/metadata-action@c299e40c65443455700f0fdfc63efafe5b349051\n`,
      `      - id: gs\n        uses: actions/github-script@f28e40c7f34bde8b3046d885e986cb6290c5673b\n        with:\n          script: core.setOutput('count', 3)\n`,
      `      - if: steps.a.outcome == 'success' && steps.a.outputs.y != '' && steps.gs.outputs.count != ''\n        run: echo "$A $B $C"\n        env:\n          A: \${{ steps.a.outputs.x }}\n          B: \${{ fromJSON(steps.meta.outputs.json).tags[0] }}\n          C: \${{ steps.a.outputs.z }}\n`,
    ].join(""),
    `    outputs:\n      ref: \${{ steps.meta.outputs.version }}\n`,
  );
  assert.deepEqual(findings, []);
});

test("does not guess the outputs of an action it has no metadata for", () => {
  assert.deepEqual(run(`      - id: x\n        uses: someone/else@v1\n      - run: echo "$V"\n        env:\n          V: \${{ steps.x.outputs.anything }}\n`), []);
});

test("does not guess the outputs of a script that computes their names", () => {
  const steps = `      - id: scan\n        run: |\n          for s in High Low; do echo "\${s,,}=1" >> "$GITHUB_OUTPUT"; done\n      - run: echo "$H"\n        env:\n          H: \${{ steps.scan.outputs.high }}\n`;
  assert.deepEqual(run(steps), []);
});

test("an environment url may read any step of the job (it is read when the job ends); its name may not", () => {
  const steps = `      - id: deployment\n        uses: someone/deploy-pages@v1\n`;
  assert.deepEqual(run(steps, `    environment:\n      name: github-pages\n      url: \${{ steps.deployment.outputs.page_url }}\n`), []);
  const findings = run(steps, `    environment:\n      name: \${{ steps.deployment.outputs.page_url }}\n`);
  assert.deepEqual(findings.map((f) => f.path), ["jobs.build.environment.name"]);
});

test("does not guess the outputs of a script that runs another program, which inherits GITHUB_OUTPUT", () => {
  const scripts = [
    "./scripts/version.sh",
    `node -e 'require("fs").appendFileSync(process.env.GITHUB_OUTPUT, "version=1")'`,
    `pnpm -s schedule >> "$GITHUB_OUTPUT"`,
    `date +'version=%F' >> "$GITHUB_OUTPUT"`,
    `echo "x=1" >> "$GITHUB_OUTPUT"\nmake outputs`,
  ];
  for (const script of scripts) {
    const block = script.split("\n").map((line) => `          ${line}`).join("\n");
    const steps = `      - id: v\n        run: |\n${block}\n      - run: echo "$V"\n        env:\n          V: \${{ steps.v.outputs.version }}\n`;
    assert.deepEqual(run(steps), [], script);
  }
});

test("an action whose manifest facts were inferred by an import declares unknown outputs: reading any of them is not flagged", () => {
  const manifest = loadActionManifest().actions;
  const inferred = Object.keys(manifest).filter((key) => manifest[key]!.inferred);
  assert.ok(inferred.length > 0, "the manifest has inferred entries to try");
  for (const key of inferred) {
    const action = actionPathOf(key);
    assert.equal(actionOutputsOf(action), undefined, key);
    const findings = run(`      - id: a\n        uses: ${action}@${"0".repeat(40)}\n      - run: echo "$V"\n        env:\n          V: \${{ steps.a.outputs.report }}\n`);
    assert.deepEqual(findings, [], key);
  }
});
