import { test } from "node:test";
import assert from "node:assert/strict";
import { templateInjection } from "../../../scripts/lint/rules/template-injection.ts";
import { lintText, where } from "../lint-text.ts";

const SCRIPT = "actions/github-script@f28e40c7f34bde8b3046d885e986cb6290c5673b";

test("expressions pasted into run: are reported once per script, naming each", () => {
  const text = `on: push
jobs:
  test-image:
    runs-on: ubuntu-latest
    steps:
      - id: pull
        run: |
          docker pull "ghcr.io/\${{ github.repository_owner }}/\${{ github.event.repository.name }}"
          echo "\${{ github.ref }}"
`;
  const findings = lintText(text, [templateInjection]);
  assert.deepEqual(where(findings), ["template-injection@jobs.test-image.steps[0].run"]);
  assert.match(findings[0]?.message ?? "", /step "pull".*github\.event\.repository\.name.*github\.ref.*"env:"/);
});

test("expressions pasted into github-script's script: are reported", () => {
  const text = `on: pull_request
jobs:
  comment:
    runs-on: ubuntu-latest
    steps:
      - uses: ${SCRIPT} # v7.1.0
        with:
          script: |
            const count = '\${{ steps.scan.outputs.critical }}';
`;
  const findings = lintText(text, [templateInjection]);
  assert.deepEqual(where(findings), ["template-injection@jobs.comment.steps[0].with.script"]);
  assert.match(findings[0]?.message ?? "", /process\.env/);
});

test("values passed through env: and read as variables pass, and other actions' inputs are not scripts", () => {
  const text = `on: pull_request
jobs:
  comment:
    runs-on: ubuntu-latest
    steps:
      - env:
          REF: \${{ github.ref }}
        run: echo "$REF"
      - uses: ${SCRIPT} # v7.1.0
        env:
          CRITICAL: \${{ steps.scan.outputs.critical }}
        with:
          script: |
            const count = Number(process.env.CRITICAL);
      - uses: actions/upload-artifact@b7c566a772e6b6bfb58ed0dc250532a479d7789f # v6.0.0
        with:
          name: report-\${{ github.sha }}
`;
  assert.deepEqual(lintText(text, [templateInjection]), []);
});
