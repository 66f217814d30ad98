import { test } from "node:test";
import assert from "node:assert/strict";
import { secretsContext } from "../../../scripts/lint/rules/secrets-context.ts";
import { lintText, where } from "../lint-text.ts";

test("secrets in a step if: (bare or in ${{ }}) and in a job if: are reported", () => {
  const text = `on: push
jobs:
  build:
    if: \${{ secrets.DEPLOY_KEY != '' }}
    runs-on: ubuntu-latest
    steps:
      - if: secrets.DOCKERHUB_TOKEN != ''
        run: echo login
      - if: \${{ github.event_name == 'push' && secrets['DOCKERHUB_USER'] != '' }}
        run: echo login
`;
  const findings = lintText(text, [secretsContext]);
  assert.deepEqual(where(findings), ["secrets-context@jobs.build.if", "secrets-context@jobs.build.steps[0].if", "secrets-context@jobs.build.steps[1].if"]);
  assert.match(findings[1]?.message ?? "", /"secrets\.DOCKERHUB_TOKEN".*"env:"/);
  assert.match(findings[2]?.message ?? "", /"secrets\.DOCKERHUB_USER"/);
});

test("secrets in runs-on, concurrency, a container image and a reusable workflow's with: are reported", () => {
  const text = `on: push
concurrency: group-\${{ secrets.X }}
jobs:
  build:
    runs-on: \${{ secrets.RUNNER }}
    container:
      image: \${{ secrets.IMAGE }}
      credentials:
        password: \${{ secrets.REGISTRY_TOKEN }}
    steps:
      - run: echo build
  call:
    uses: ./.github/workflows/called.yml
    with:
      token: \${{ secrets.TOKEN }}
    secrets:
      token: \${{ secrets.TOKEN }}
`;
  assert.deepEqual(where(lintText(text, [secretsContext])), [
    "secrets-context@concurrency",
    "secrets-context@jobs.build.runs-on",
    "secrets-context@jobs.build.container.image",
    "secrets-context@jobs.call.with.token",
  ]);
});

test("secrets in env:, with:, run: and container credentials pass, and so does a string that only mentions secrets", () => {
  const text = `on: push
env:
  TOKEN: \${{ secrets.TOKEN }}
jobs:
  build:
    runs-on: ubuntu-latest
    env:
      HAS_TOKEN: \${{ secrets.DOCKERHUB_TOKEN != '' }}
    steps:
      - if: env.HAS_TOKEN == 'true' && contains(github.event.head_commit.message, 'secrets.')
        uses: docker/login-action@5e57cd118135c172c3672efd75eb46360885c0ef # v3.6.0
        with:
          password: \${{ secrets.DOCKERHUB_TOKEN }}
      - run: echo "$TOKEN"
        env:
          TOKEN: \${{ secrets.TOKEN }}
`;
  assert.deepEqual(lintText(text, [secretsContext]), []);
});
