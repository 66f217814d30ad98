import { test } from "node:test";
import assert from "node:assert/strict";
import { unpinnedImage } from "../../../scripts/lint/rules/unpinned-image.ts";
import { lintText, where } from "../lint-text.ts";

const DIGEST = `@sha256:${"a".repeat(64)}`;

test("container and service images named by a tag are reported, in the string and the mapping forms", () => {
  const text = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    container: node:22
    services:
      db:
        image: postgres:17
      cache: redis
    steps:
      - run: npm test
  b:
    runs-on: ubuntu-latest
    container:
      image: ghcr.io/octo/builder:latest
      credentials:
        username: octo
    steps:
      - run: make
`;
  const findings = lintText(text, [unpinnedImage]);
  assert.deepEqual(where(findings), ["unpinned-image@jobs.a.container", "unpinned-image@jobs.a.services.db.image", "unpinned-image@jobs.a.services.cache", "unpinned-image@jobs.b.container.image"]);
  assert.match(findings[0]?.message ?? "", /image "node:22" of the container of job "a" is not pinned by digest; write "node:22@sha256:<digest>"/);
  assert.match(findings[1]?.message ?? "", /service "db" of job "a"/);
});

test("digests pass, and so do images computed by an expression or left empty", () => {
  const text = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    container: node:22${DIGEST}
    services:
      db:
        image: postgres${DIGEST}
      matrix:
        image: \${{ matrix.image }}
      optional:
        image: ''
    steps:
      - run: npm test
`;
  assert.deepEqual(lintText(text, [unpinnedImage]), []);
});
