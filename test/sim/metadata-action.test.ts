import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import { computeMetadata, metadataInputs, MetadataInputError, type MetadataContext } from "../../scripts/sim/models/metadata-action.ts";
import { loadOwnVectors, loadUpstreamVectors, runVector, runVectorSet } from "../../scripts/sim/metadata-conformance.ts";
import { UnsupportedFeature } from "../../scripts/sim/unsupported.ts";

const own = loadOwnVectors(join(PROJECT_ROOT, "test", "fixtures", "metadata-vectors.json"), "project vectors");
const repo = own.repo;
const push = (ref: string) => ({ eventName: "push", ref, sha: "0123456789abcdef0123456789abcdef01234567", payload: { repository: { default_branch: "main" } }, env: {} });

test("the project's own vectors all pass", () => {
  const summary = runVectorSet(own);
  assert.deepEqual(summary.failures, []);
  assert.equal(summary.passed, own.cases.length);
  assert.ok(own.cases.length >= 8);
});

const upstream = join(PROJECT_ROOT, "..", "shared", "vectors", "metadata-action");
test("the upstream vectors (when ../shared is present) have no failure", { skip: !existsSync(upstream) && "../shared/vectors is not beside the project" }, () => {
  const sets = loadUpstreamVectors(upstream);
  assert.equal(sets[0]?.cases.length, 114);
  for (const set of sets) {
    const summary = runVectorSet(set);
    assert.deepEqual(summary.failures, [], set.name);
    assert.equal(summary.passed + summary.unsupported, set.cases.length, set.name);
  }
});

test("against another clock the upstream vectors fail: the model computes the dates and labels, it does not echo them", { skip: !existsSync(upstream) && "../shared/vectors is not beside the project" }, () => {
  const [cases] = loadUpstreamVectors(upstream);
  assert.ok(cases);
  assert.equal(runVectorSet({ ...cases, clock: "2021-02-03T04:05:06.000Z" }).passed, 0);
});

test("a vector whose expectation is wrong fails with the difference", () => {
  const original = own.cases[0]!;
  const wrong = structuredClone(original);
  assert.ok("tags" in wrong.expected && Array.isArray(wrong.expected.tags));
  (wrong.expected as { tags: string[] }).tags = ["ghcr.io/Wikid82/charon:pr-123"];
  const verdict = runVector(wrong, own);
  assert.equal(verdict.status, "failed");
  assert.match(verdict.status === "failed" ? verdict.differences.join() : "", /^tags:/);
});

test("date helpers format the run's clock with moment-timezone; an unknown zone and API-only commit dates are unsupported", () => {
  const at = "2020-01-10T00:30:00.000Z";
  const tags = (value: string, ref: MetadataContext = push("refs/heads/dev")) => computeMetadata(metadataInputs({ images: "a/b", tags: `type=raw,value=${value}` }), ref, repo, at).tagNames;
  assert.deepEqual(tags("{{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}"), ["20200110-093000"]);
  assert.deepEqual(tags("d-{{date 'YYYY-MM-DD'}}"), ["d-2020-01-10"]);
  // An unquoted format is a missing name: moment's default format, then sanitised.
  assert.deepEqual(tags("{{date YYYYMMDD}}"), ["2020-01-10T00-30-00Z"]);
  // Names and week numbers are moment's own: 2020-01-10 was a Friday in week 2.
  assert.deepEqual(tags("{{date 'dddd-MMM-[w]w'}}"), ["Friday-Jan-w2"]);
  assert.throws(() => tags("{{date 'YYYY' tz='Mars/Olympus'}}"), (e) => e instanceof UnsupportedFeature && /Mars\/Olympus/.test(e.feature));
  assert.throws(() => tags("{{date}}"), MetadataInputError, "the action's helper needs a format");
  const pr = { eventName: "pull_request", ref: "refs/pull/1/merge", sha: "0123456789abcdef0123456789abcdef01234567", payload: { number: 1 }, env: {} };
  assert.throws(() => tags("{{commit_date 'YYYY'}}", pr), (e) => e instanceof UnsupportedFeature && /API/.test(e.feature));
});

test("templates are Handlebars: blocks work, output is HTML-escaped, a broken template or CSV entry fails the step", () => {
  const tags = (value: string) => computeMetadata(metadataInputs({ images: "a/b", tags: value }), push("refs/heads/dev"), repo, own.clock).tagNames;
  assert.deepEqual(tags("type=raw,value={{#if branch}}on-{{branch}}{{else}}none{{/if}}"), ["on-dev"]);
  // What a mustache outputs is HTML-escaped by Handlebars; the template's own text is not.
  const labels = computeMetadata(metadataInputs({ images: "a/b", labels: "x=<{{date '[<=>]'}}>" }), push("refs/heads/dev"), repo, own.clock).labels;
  assert.ok(labels.includes("x=<&lt;&#x3D;&gt;>"), labels.join("\n"));
  assert.throws(() => tags("type=raw,value={{#if branch}}open"), MetadataInputError);
  assert.throws(() => tags('type=raw,"value=a'), MetadataInputError);
});

test("pep440 versions are normalised; pre-, post- and dev-releases keep only the full version", () => {
  const tags = (ref: string, patterns: string) => computeMetadata(metadataInputs({ images: "a/b", tags: patterns }), push(ref), repo, own.clock).tagNames;
  const patterns = "type=pep440,pattern={{version}}\ntype=pep440,pattern={{major}}.{{minor}}";
  assert.deepEqual(tags("refs/tags/v1.1.1", patterns), ["1.1.1", "1.1", "latest"]);
  assert.deepEqual(tags("refs/tags/1.1beta2", patterns), ["1.1b2"]);
  assert.deepEqual(tags("refs/tags/1.0-DEV_4", patterns), ["1.0.dev4"]);
  assert.deepEqual(tags("refs/tags/not-a-version", patterns), []);
  // A pep440 rule that cannot apply (branch ref, no value) needs no version.
  assert.deepEqual(tags("refs/heads/dev", `${patterns}\ntype=ref,event=branch`), ["dev"]);
});

test("priority orders tags, ties keep input order, and values are sanitised", () => {
  const result = computeMetadata(
    metadataInputs({ images: "ghcr.io/Owner/App", tags: "type=sha\ntype=raw,value=b\ntype=raw,value=a\ntype=ref,event=branch\ntype=raw,value=x,priority=2000" }),
    push("refs/heads/feat/one"),
    repo,
    own.clock,
  );
  assert.deepEqual(result.tagNames, ["x", "feat-one", "b", "a", "sha-0123456"]);
  assert.equal(result.tags[0], "ghcr.io/owner/app:x");
  assert.equal(result.outputs["tags"], result.tags.join("\n"));
  assert.deepEqual(JSON.parse(result.outputs["json"]!).tags, result.tags);
});

test("an enable value that does not render to true or false is an input error", () => {
  assert.throws(() => computeMetadata(metadataInputs({ images: "a/b", tags: "type=raw,value=x,enable=yes" }), push("refs/heads/dev"), repo, own.clock), MetadataInputError);
});

test("no enabled tag gives empty tags and no version", () => {
  const result = computeMetadata(metadataInputs({ images: "a/b", tags: "type=raw,value=x,enable=false" }), push("refs/heads/dev"), repo, own.clock);
  assert.deepEqual(result.tags, []);
  assert.equal(result.outputs["tags"], "");
  assert.equal(result.outputs["version"], "");
});
