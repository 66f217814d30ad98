import { test } from "node:test";
import assert from "node:assert/strict";
import { botConditions } from "../../../scripts/lint/rules/bot-conditions.ts";
import { lintText, where } from "../lint-text.ts";

test("job and step conditions that trust the actor to be a bot are reported, inside larger expressions and \${{ }} too", () => {
  const text = `on: pull_request_target
jobs:
  automerge:
    if: github.actor == 'dependabot[bot]'
    runs-on: ubuntu-latest
    steps:
      - if: \${{ github.event_name == 'pull_request_target' && 'renovate[bot]' == github.triggering_actor }}
        run: echo approve
      - if: endsWith(github.actor, '[bot]') || !(github.actor != 'github-actions[bot]')
        run: echo skip
`;
  const findings = lintText(text, [botConditions]);
  assert.deepEqual(where(findings), ["bot-conditions@jobs.automerge.if", "bot-conditions@jobs.automerge.steps[0].if", "bot-conditions@jobs.automerge.steps[1].if", "bot-conditions@jobs.automerge.steps[1].if"]);
  assert.match(findings[0]?.message ?? "", /"github\.actor" to be "dependabot\[bot\]".*github\.event\.pull_request\.user\.login/);
  assert.match(findings[1]?.message ?? "", /"github\.triggering_actor" to be "renovate\[bot\]"/);
});

test("the pull request's author (alone or beside the actor), a person's name, keeping a bot out, and the actor in a message pass", () => {
  const text = `on: pull_request
jobs:
  automerge:
    if: github.event.pull_request.user.login == 'dependabot[bot]'
    runs-on: ubuntu-latest
    steps:
      - if: github.actor == 'octocat'
        run: echo hi
      - if: github.actor == 'dependabot[bot]' && github.event.pull_request.user.login == 'dependabot[bot]'
        run: echo both
      - if: github.triggering_actor != 'dependabot[bot]' && !(github.actor == 'renovate[bot]')
        run: echo not for bots
      - if: format('{0}', github.actor) == 'dependabot[bot]'
        run: echo formatted
      - run: echo "$ACTOR"
        env:
          ACTOR: \${{ github.actor }}
`;
  assert.deepEqual(lintText(text, [botConditions]), []);
});

test("a composite action's step conditions are read too", () => {
  const text = `name: auto
description: approve bot pull requests
runs:
  using: composite
  steps:
    - if: github.actor == 'dependabot[bot]'
      shell: bash
      run: echo approve
`;
  assert.deepEqual(where(lintText(text, [botConditions], { file: "action.yml" })), ["bot-conditions@runs.steps[0].if"]);
});
