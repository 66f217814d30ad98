import { test } from "node:test";
import assert from "node:assert/strict";
import { Expr, JsonText } from "../../workflows-src/kit/expr.ts";
import { actionsGithubScript, dockerBuildPushAction, dockerMetadataAction, fromJSON, github, githubScriptStep, orElse, tpl } from "../../workflows-src/kit/index.ts";
import { prImageTag } from "../../workflows-src/docker-build/pr-image.ts";

const meta = () =>
  dockerMetadataAction({
    name: "Extract metadata",
    id: "meta",
    with: { images: ["ghcr.io/acme/app"], tags: ["type=raw,value=latest", tpl`type=raw,value=pr-${github.event.pullRequest.number}`] },
  });

test("a binding writes the pinned uses and joins list inputs line by line", () => {
  const step = meta();
  assert.equal(step.step.uses, "docker/metadata-action@c299e40c65443455700f0fdfc63efafe5b349051");
  assert.deepEqual(step.step.with, {
    images: "ghcr.io/acme/app",
    tags: "type=raw,value=latest\ntype=raw,value=pr-${{ github.event.pull_request.number }}",
  });
  assert.match(step.source ?? "", /^test\/actions\/action-binding\.test\.ts:\d+$/, "the source is the caller, not the generated file");
});

test("outputs are expressions of the step; the JSON output is typed JSON text", () => {
  const step = meta();
  assert.ok(step.outputs.tags instanceof Expr);
  assert.equal(step.outputs.tags.text, "steps.meta.outputs.tags");
  assert.ok(step.outputs.json instanceof JsonText);
  const first = fromJSON(step.outputs.json).get("tags").at(0);
  assert.equal(first.text, "fromJSON(steps.meta.outputs.json).tags[0]");
  assert.deepEqual(first.refs.map((r) => (r.kind === "step" ? [r.stepId, r.what, r.name, r.owner === step] : r.kind)), [["meta", "output", "json", true]]);
});

test("prImageTag reads the first tag of the typed JSON output, with an empty-object fallback", () => {
  const tag = prImageTag(meta());
  assert.equal(tag.text, "fromJSON(steps.meta.outputs.json || '{}').tags[0]");
  assert.ok(orElse(meta().outputs.json, "{}") instanceof JsonText);
});

test("expressions inside list lines are tracked as reads of the consuming step", () => {
  const producer = meta();
  const build = dockerBuildPushAction({
    name: "Build",
    after: [producer],
    with: { tags: producer.outputs.tags, "build-args": [tpl`VERSION=${producer.outputs.version}`, "STATIC=1"], push: false },
  });
  const outputsRead = build.reads.flatMap((r) => (r.kind === "step" && r.what === "output" ? [r.name] : []));
  assert.deepEqual(outputsRead, ["tags", "version"]);
  assert.equal(build.step.with?.["build-args"], "VERSION=${{ steps.meta.outputs.version }}\nSTATIC=1");
  assert.equal(build.step.with?.["push"], false);
});

test("a step without an id has no outputs to read", () => {
  const step = dockerMetadataAction({ name: "Anonymous", with: {} });
  assert.equal("outputs" in step, false);
  assert.equal(step.id, undefined);
});

test("githubScriptStep uses the github-script binding's pin", () => {
  const step = githubScriptStep({ name: "Comment", script: "return 1", with: { "result-encoding": "string" } });
  assert.equal(step.step.uses, `actions/github-script@${actionsGithubScript.pin.commit}`);
  assert.deepEqual(step.step.with, { script: "return 1", "result-encoding": "string" });
});

test("githubScriptStep runs its body with another pinned version of github-script when given one", () => {
  const v8 = { pin: { action: "actions/github-script", commit: "8".repeat(40), tag: "v8.0.0" } };
  const step = githubScriptStep({ name: "Label", script: "return 1", version: v8 });
  assert.equal(step.step.uses, `actions/github-script@${"8".repeat(40)}`);
  assert.deepEqual(step.problems, []);
  const other = githubScriptStep({ name: "Label", script: "return 1", version: dockerMetadataAction });
  assert.equal(other.step.uses, `docker/metadata-action@${dockerMetadataAction.pin.commit}`);
  assert.match(other.problems.join("\n"), /runs its body with "docker\/metadata-action", which is not actions\/github-script/);
});
