/** Waivers: a YAML comment or a waiver from elsewhere silences one rule at one place, with its reason; a bad or stale waiver is itself reported. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseWorkflowDocument } from "../../scripts/lint/document.ts";
import { lint } from "../../scripts/lint/engine.ts";
import { isBlocking } from "../../scripts/lint/findings.ts";
import { formatFindings } from "../../scripts/lint/format.ts";
import { downloadExec } from "../../scripts/lint/rules/download-exec.ts";
import { templateInjection } from "../../scripts/lint/rules/template-injection.ts";
import { where } from "./lint-text.ts";

const rules = [downloadExec, templateInjection];
const workflow = (waiverAbove: string, waiverOnLine: string) => `on: pull_request
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
${waiverAbove ? `      ${waiverAbove}\n` : ""}      - run: curl -fsSL https://example.com/install.sh | sh ${waiverOnLine}
      - run: echo "\${{ github.event.pull_request.title }}"
`;

function lintYaml(text: string) {
  return lint([parseWorkflowDocument("w.yml", text)], rules);
}

test("a waiver on the line above or on the finding's line silences that rule there, keeping the finding with its reason", () => {
  for (const text of [workflow("# lint-ignore: download-exec -- pinned by the vendor's checksum in the script", ""), workflow("", "# lint-ignore: download-exec -- pinned by the vendor's checksum in the script")]) {
    const findings = lintYaml(text);
    const waived = findings.find((f) => f.rule === "download-exec");
    assert.equal(waived?.waived, "pinned by the vendor's checksum in the script");
    assert.ok(!isBlocking(waived!));
    assert.ok(findings.some((f) => f.rule === "template-injection" && f.waived === undefined), "other rules and lines are not waived");
  }
});

test("json lists waived findings with their reason; text and github leave them out and count them", () => {
  const findings = lintYaml(workflow("# lint-ignore: download-exec -- reviewed", ""));
  const json = JSON.parse(formatFindings(findings, "json")) as { rule: string; waived?: string }[];
  assert.equal(json.find((f) => f.rule === "download-exec")?.waived, "reviewed");
  assert.doesNotMatch(formatFindings(findings, "text"), /\[download-exec\]/);
  assert.match(formatFindings(findings, "text"), /1 error, 0 warnings, 1 waived/);
  assert.doesNotMatch(formatFindings(findings, "github"), /download-exec/);
});

test("a waiver without a reason, or for no rule, is an error; one that silences nothing is a warning", () => {
  const noReason = lintYaml(workflow("# lint-ignore: download-exec", ""));
  assert.ok(noReason.some((f) => f.rule === "lint-ignore" && f.severity === "error" && /gives no reason/.test(f.message)));
  assert.ok(noReason.some((f) => f.rule === "download-exec" && f.waived === undefined), "a waiver without a reason waives nothing");
  const unknown = lintYaml(workflow("# lint-ignore: downlod-exec -- typo", ""));
  assert.deepEqual(where(unknown.filter((f) => f.rule === "lint-ignore")), ["lint-ignore@"]);
  assert.match(unknown.find((f) => f.rule === "lint-ignore")?.message ?? "", /names no lint rule/);
  const stale = lintYaml(workflow("# lint-ignore: template-injection -- not on this line", ""));
  assert.ok(stale.some((f) => f.rule === "lint-ignore" && f.severity === "warning" && /silences no finding/.test(f.message)));
});

test("text inside a run: script that looks like a waiver is shell, not a YAML comment", () => {
  const text = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: |
          # lint-ignore: download-exec -- this is a shell comment
          curl -fsSL https://example.com/install.sh | sh
`;
  assert.deepEqual(lintYaml(text).map((f) => [f.rule, f.waived]), [["download-exec", undefined]]);
});

test("waivers from elsewhere name a YAML path and an origin, and waive findings at or below it", () => {
  const document = parseWorkflowDocument("w.yml", workflow("", ""));
  const findings = lint([document], rules, { waivers: [{ rule: "template-injection", file: "w.yml", path: "jobs.a.steps[1]", reason: "title is checked first", origin: "workflows-src/w.ts:12" }] });
  assert.equal(findings.find((f) => f.rule === "template-injection")?.waived, "title is checked first");
  const stale = lint([document], rules, { waivers: [{ rule: "template-injection", file: "w.yml", path: "jobs.a.steps[0]", reason: "r", origin: "workflows-src/w.ts:12" }] });
  assert.match(stale.find((f) => f.rule === "lint-ignore")?.message ?? "", /workflows-src\/w\.ts:12.*silences no finding/);
});

test("a waiver by path is tried before a comment waiver of the same node", () => {
  // Both cover the step's finding, on the step's first line: the one by path takes it, the comment is reported unused.
  const document = parseWorkflowDocument("w.yml", workflow("# lint-ignore: download-exec -- the vendor's script", ""));
  const findings = lint([document], rules, { waivers: [{ rule: "download-exec", file: "w.yml", path: "jobs.a.steps[0]", reason: "the vendor's script", origin: "workflows-src/w.ts:7" }] });
  assert.equal(findings.find((f) => f.rule === "download-exec")?.waived, "the vendor's script");
  const stale = findings.filter((f) => f.rule === "lint-ignore").map((f) => f.message);
  assert.equal(stale.length, 1, stale.join("\n"));
  assert.match(stale[0]!, /\(w\.yml:\d+\) silences no finding/, "the comment copy is the unused one, not the waiver by path");
});

test("waivers on lines of their own stack: each covers the next line that is not blank or a comment", () => {
  const text = `on: pull_request
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      # lint-ignore: download-exec -- the vendor signs the script

      # lint-ignore: template-injection -- the title is checked by an earlier job
      - run: curl -fsSL https://example.com/install.sh | sh -s "\${{ github.event.pull_request.title }}"
`;
  const findings = lintYaml(text);
  assert.deepEqual(findings.map((f) => [f.rule, f.waived]).sort(), [
    ["download-exec", "the vendor signs the script"],
    ["template-injection", "the title is checked by an earlier job"],
  ]);
});

test("a waiver whose rule part is not one id is reported, not ignored", () => {
  const findings = lintYaml(workflow("# lint-ignore: download exec -- two words", ""));
  assert.match(findings.find((f) => f.rule === "lint-ignore")?.message ?? "", /"# lint-ignore: download exec" names no lint rule/);
});

test("a waiver among the file's leading comments covers the rule in the whole file, and only that rule", () => {
  const text = `# A header comment
# lint-ignore: template-injection -- the titles are checked by the job's condition
on: pull_request
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ github.event.pull_request.title }}"
      - run: echo "\${{ github.event.pull_request.body }}"
      - run: curl -fsSL https://example.com/install.sh | sh
`;
  const findings = lintYaml(text);
  assert.deepEqual(findings.filter((f) => f.rule === "template-injection").map((f) => f.waived), ["the titles are checked by the job's condition", "the titles are checked by the job's condition"]);
  assert.equal(findings.find((f) => f.rule === "download-exec")?.waived, undefined);
  assert.equal(findings.filter((f) => f.rule === "lint-ignore").length, 0);
});

test("a waiver above a key covers that key's node only, not its siblings", () => {
  const text = `on: pull_request
jobs:
  a:
    # lint-ignore: template-injection -- only the runner label
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ github.event.pull_request.title }}"
`;
  const findings = lintYaml(text);
  assert.equal(findings.find((f) => f.rule === "template-injection")?.waived, undefined);
  assert.match(findings.find((f) => f.rule === "lint-ignore")?.message ?? "", /silences no finding/);
});

test("a waiver on a line of its own covers the node the next line begins: above `- name:` the whole step, above a key that key's value", () => {
  const text = `on: pull_request
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      # lint-ignore: template-injection -- the title is checked by an earlier job
      - name: Greet
        run: echo "\${{ github.event.pull_request.title }}"
      - name: Other
        # lint-ignore: download-exec -- the vendor signs the script
        run: |
          echo "\${{ github.event.pull_request.body }}"
          curl -fsSL https://example.com/install.sh | sh
`;
  const findings = lintYaml(text);
  assert.deepEqual(findings.map((f) => [f.rule, f.path, f.waived ?? null]).sort(), [
    ["download-exec", "jobs.a.steps[1].run", "the vendor signs the script"],
    ["template-injection", "jobs.a.steps[0].run", "the title is checked by an earlier job"],
    ["template-injection", "jobs.a.steps[1].run", null],
  ]);
});
