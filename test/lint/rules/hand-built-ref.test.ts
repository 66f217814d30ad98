import { test } from "node:test";
import assert from "node:assert/strict";
import { handBuiltReferences, handBuiltRef } from "../../../scripts/lint/rules/hand-built-ref.ts";
import { lintText, oneJob } from "../lint-text.ts";

const meta = `      - id: meta\n        uses: docker/metadata-action@c299e40c65443455700f0fdfc63efafe5b349051\n        with:\n          images: \${{ env.REGISTRY }}/\${{ env.IMAGE_NAME }}\n`;

// A policy rule: it checks the workflows the project emits.
const EMITTED = { emitted: true } as const;

test("flags the seed's docker save of a rebuilt reference", () => {
  const findings = lintText(oneJob(meta + `      - run: docker save ghcr.io/\${IMAGE_NAME}:pr-\${{ github.event.pull_request.number }} -o /tmp/i.tar\n`), [handBuiltRef], EMITTED);
  assert.deepEqual(findings.map((f) => [f.rule, f.path]), [["hand-built-ref", "jobs.build.steps[1].run"]]);
  assert.match(findings[0]?.message ?? "", /fromJSON\(steps\.meta\.outputs\.json\)\.tags\[0\]/);
});

test("flags references assembled from expressions in with:, env: and job outputs", () => {
  const extra = `    outputs:\n      ref: \${{ env.REGISTRY }}/\${{ env.IMAGE_NAME }}:pr-\${{ github.event.number }}\n`;
  const steps = meta + `      - uses: aquasecurity/trivy-action@b6643a29fecd7f34b3597bc6acb0a98b03d33ff8\n        with:\n          image-ref: \${{ env.REGISTRY }}/\${{ env.IMAGE_NAME }}:\${{ github.sha }}\n`;
  const findings = lintText(oneJob(steps, extra), [handBuiltRef], EMITTED);
  assert.deepEqual(findings.map((f) => f.path).sort(), ["jobs.build.outputs.ref", "jobs.build.steps[1].with.image-ref"]);
});

test("flags a reference assembled in the workflow env", () => {
  const text = oneJob(meta).replace("on: push\n", "on: push\nenv:\n  IMAGE_REF: ghcr.io/${{ github.repository }}:${{ github.sha }}\n");
  assert.deepEqual(lintText(text, [handBuiltRef], EMITTED).map((f) => f.path), ["env.IMAGE_REF"]);
});

test("accepts references taken from the metadata step, fixed references and paths", () => {
  const steps = meta + `      - run: |\n          docker save "$REF" -o "$RUNNER_TEMP/image.tar"\n          docker pull caddy:2-alpine\n          curl https://example.com/$X:1\n        env:\n          REF: \${{ fromJSON(steps.meta.outputs.json).tags[0] }}\n          OUT: \${{ runner.temp }}/image.tar\n`;
  assert.deepEqual(lintText(oneJob(steps), [handBuiltRef], EMITTED), []);
});

test("leaves build cache references alone", () => {
  const steps = meta + `      - uses: docker/build-push-action@263435318d21b8e681c14492fe198d362a7d2c83
        with:
          cache-from: type=registry,ref=ghcr.io/\${{ github.repository_owner }}/app:buildcache
`;
  assert.deepEqual(lintText(oneJob(steps), [handBuiltRef], EMITTED), []);
});

test("says nothing in a workflow without a metadata step", () => {
  assert.deepEqual(lintText(oneJob(`      - run: docker push ghcr.io/\${OWNER}/app:\${TAG}\n`), [handBuiltRef], EMITTED), []);
});

test("finds only assembled references in a value", () => {
  assert.deepEqual(handBuiltReferences(`IMAGE_REF="ghcr.io/\${IMAGE_NAME}:pr-\${{ github.event.number }}"`), ["ghcr.io/${IMAGE_NAME}:pr-${{ … }}"]);
  assert.deepEqual(handBuiltReferences("docker run ghcr.io/owner/app:1.0 ${HOME}/${X:-y}"), []);
});

test("a reference by digest names exactly what was built and passes; a colon inside a shell expansion is no tag", () => {
  const meta = `      - id: meta\n        uses: docker/metadata-action@c299e40c65443455700f0fdfc63efafe5b349051\n`;
  const steps = meta + `      - run: |\n          cosign sign --yes "ghcr.io/\${IMAGE_NAME}@\${DIGEST}"\n          touch "\${RUNNER_TEMP}/digests/\${digest#sha256:}"\n`;
  assert.deepEqual(lintText(oneJob(steps), [handBuiltRef], EMITTED), []);
});

test("only the workflows the project emits are held to the metadata-step contract", () => {
  const meta = `      - id: meta\n        uses: docker/metadata-action@c299e40c65443455700f0fdfc63efafe5b349051\n`;
  const text = oneJob(meta + `      - run: docker save ghcr.io/\${IMAGE_NAME}:pr-\${{ github.event.pull_request.number }} -o /tmp/i.tar\n`);
  assert.equal(lintText(text, [handBuiltRef], EMITTED).length, 1);
  assert.deepEqual(lintText(text, [handBuiltRef]), []);
});
