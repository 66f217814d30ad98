import { test } from "node:test";
import assert from "node:assert/strict";
import { templateInjection } from "../../../scripts/lint/rules/template-injection.ts";
import { lintText, where } from "../lint-text.ts";

const SCRIPT = "actions/github-script@f28e40c7f34bde8b3046d885e986cb6290c5673b";

test("in an emitted workflow every expression pasted into run: is reported, once per script, naming each", () => {
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
  const findings = lintText(text, [templateInjection], { emitted: true });
  assert.deepEqual(where(findings), ["template-injection@jobs.test-image.steps[0].run"]);
  assert.match(findings[0]?.message ?? "", /step "pull".*github\.event\.repository\.name.*github\.ref.*"env:"/);
  assert.deepEqual(lintText(text, [templateInjection]), [], "in other files these values are fixed by GitHub or by maintainers");
});

test("in any file, pasted values that others choose are reported; fixed values, booleans and typed inputs are not", () => {
  const text = `on:
  pull_request_target:
  workflow_dispatch:
    inputs:
      dry-run:
        type: boolean
      note:
        type: string
jobs:
  greet:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        os: [linux, windows]
    steps:
      - run: echo "\${{ github.event.pull_request.title }}"
      - run: git checkout "\${{ github.head_ref }}"
      - run: echo "\${{ steps.scan.outputs.summary }} \${{ inputs.note }}"
      - run: echo "\${{ github.event.pull_request.head.ref || 'main' }}"
      - run: |
          echo "\${{ github.sha }} \${{ github.event.pull_request.number }} \${{ matrix.os }} \${{ inputs.dry-run }}"
          echo "\${{ contains(github.event.pull_request.title, 'wip') }} \${{ github.event.pull_request.title == 'x' }} \${{ secrets.TOKEN }}"
`;
  const findings = lintText(text, [templateInjection]);
  assert.deepEqual(where(findings), ["template-injection@jobs.greet.steps[0].run", "template-injection@jobs.greet.steps[1].run", "template-injection@jobs.greet.steps[2].run", "template-injection@jobs.greet.steps[3].run"]);
  assert.match(findings[2]?.message ?? "", /steps\.scan\.outputs\.summary.*inputs\.note/);
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

test("an env variable the workflow sets to a fixed value is fixed; one set from event data, or not set in the file, is not", () => {
  const text = `on: pull_request
env:
  IMAGE_NAME: octo/app
  LOOP: \${{ env.LOOP }}
jobs:
  build:
    runs-on: ubuntu-latest
    env:
      TITLE: \${{ github.event.pull_request.title }}
      TAG: pr-\${{ github.event.pull_request.number }}
    steps:
      - run: docker build -t "\${{ env.IMAGE_NAME }}:\${{ env.TAG }}" .
      - run: echo "\${{ env.TITLE }}"
      - run: echo "\${{ env.FROM_GITHUB_ENV }} \${{ env.LOOP }}"
`;
  assert.deepEqual(where(lintText(text, [templateInjection])), ["template-injection@jobs.build.steps[1].run", "template-injection@jobs.build.steps[2].run"]);
});
