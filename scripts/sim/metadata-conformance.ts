/**
 * Runs the metadata-action model against conformance vectors: the upstream test
 * vectors of docker/metadata-action v5.10.0 (`../shared/vectors/metadata-action/`)
 * and the project's own vectors. Each vector passes, fails (with what differed) or
 * is unsupported (with the feature the model declined to guess).
 */
import { existsSync, readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { join } from "node:path";
import { z } from "zod";
import { computeMetadata, type MetadataInputs, type MetadataResult, type RepositoryData } from "./models/metadata-action.ts";
import { UnsupportedFeature } from "./unsupported.ts";

/**
 * The instant the upstream tests freeze the clock at. Their mocks make both the
 * current date and every commit date render as this instant, so the runner passes
 * it as the commit date too.
 */
export const UPSTREAM_CLOCK = "2020-01-10T00:30:00.000Z";

const list = z.array(z.string());
const vectorInputs = z.strictObject({
  images: list.optional(),
  tags: list.optional(),
  flavor: list.optional(),
  labels: list.optional(),
  annotations: list.optional(),
  "sep-tags": z.string().optional(),
  "bake-target": z.string().optional(),
});
const expectedTags = z.strictObject({
  version: z.strictObject({ main: z.string().nullable(), partial: list, latest: z.boolean() }),
  tags: list,
  labels: list,
  annotations: list,
});
const expectedOutput = z.union([
  z.strictObject({ json: z.unknown() }),
  z.strictObject({ tags_joined: z.string() }),
  z.strictObject({ bake_tags: z.unknown(), bake_labels: z.unknown(), bake_annotations: z.unknown() }),
  z.strictObject({ bake_tags_labels: z.unknown() }),
]);
const vector = z.object({
  id: z.string(),
  env: z.record(z.string(), z.string()),
  event: z.record(z.string(), z.unknown()).nullable(),
  inputs: vectorInputs,
  expected: z.union([expectedTags, expectedOutput]),
  features: list.optional(),
});
const repository = z.object({
  name: z.string(),
  description: z.string(),
  html_url: z.string(),
  default_branch: z.string(),
  license: z.object({ spdx_id: z.string().nullable().optional() }).nullable().optional(),
});
const ownVectorFile = z.strictObject({
  $comment: z.string().optional(),
  clock: z.string(),
  repo: repository,
  cases: z.array(vector),
});

export type Vector = z.infer<typeof vector>;

export interface VectorSet {
  readonly name: string;
  readonly clock: string;
  readonly repo: RepositoryData;
  readonly cases: readonly Vector[];
}

export type Verdict =
  | { readonly id: string; readonly status: "passed" }
  | { readonly id: string; readonly status: "failed"; readonly differences: readonly string[] }
  | { readonly id: string; readonly status: "unsupported"; readonly feature: string };

function parseJsonFile<T>(file: string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: not readable JSON (${(error as Error).message}); fix or regenerate the file`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new Error(`${file}: does not match the vector schema:\n  ${issues.join("\n  ")}`);
  }
  return parsed.data;
}

/** Loads the upstream vector folder: `cases.json`, `repo.json` and, when present, `output-cases.json`. */
export function loadUpstreamVectors(dir: string): VectorSet[] {
  const repo = parseJsonFile(join(dir, "repo.json"), repository);
  const sets: VectorSet[] = [{ name: "cases.json", clock: UPSTREAM_CLOCK, repo, cases: parseJsonFile(join(dir, "cases.json"), z.array(vector)) }];
  const outputs = join(dir, "output-cases.json");
  if (existsSync(outputs)) sets.push({ name: "output-cases.json", clock: UPSTREAM_CLOCK, repo, cases: parseJsonFile(outputs, z.array(vector)) });
  return sets;
}

/** Loads a file of the project's own vectors (same case shape, with its own clock and repository). */
export function loadOwnVectors(file: string, name: string): VectorSet {
  const data = parseJsonFile(file, ownVectorFile);
  return { name, clock: data.clock, repo: data.repo, cases: data.cases };
}

function compare(field: string, actual: unknown, expected: unknown, differences: string[]): void {
  if (!isDeepStrictEqual(actual, expected)) differences.push(`${field}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

function check(result: MetadataResult, v: Vector): string[] {
  const differences: string[] = [];
  const e = v.expected;
  if ("version" in e) {
    compare("version", { main: result.version.main ?? null, partial: result.version.partial, latest: result.version.latest }, e.version, differences);
    compare("tags", result.tags, e.tags, differences);
    compare("labels", result.labels, e.labels, differences);
    compare("annotations", result.annotations, e.annotations, differences);
  } else if ("json" in e) {
    compare("json", JSON.parse(result.outputs["json"]!), e.json, differences);
  } else if ("tags_joined" in e) {
    compare("tags", result.outputs["tags"], e.tags_joined, differences);
  } else if ("bake_tags_labels" in e) {
    compare("bake file", result.bakeFile("tags-labels"), e.bake_tags_labels, differences);
  } else {
    compare("bake file tags", result.bakeFile("tags"), e.bake_tags, differences);
    compare("bake file labels", result.bakeFile("labels"), e.bake_labels, differences);
    // The upstream test writes the annotations bake file for these two levels.
    compare("bake file annotations", result.bakeFile({ annotationLevels: ["index", "manifest-descriptor"] }), e.bake_annotations, differences);
  }
  return differences;
}

/** Runs one vector through the model. */
export function runVector(v: Vector, set: VectorSet): Verdict {
  const inputs: MetadataInputs = {
    images: v.inputs.images ?? [],
    tags: v.inputs.tags ?? [],
    flavor: v.inputs.flavor ?? [],
    labels: v.inputs.labels ?? [],
    annotations: v.inputs.annotations ?? [],
    sepTags: v.inputs["sep-tags"] ?? "\n",
    sepLabels: "\n",
    sepAnnotations: "\n",
    bakeTarget: v.inputs["bake-target"] ?? "docker-metadata-action",
  };
  const context = {
    eventName: v.env["GITHUB_EVENT_NAME"] ?? "",
    ref: v.env["GITHUB_REF"] ?? "",
    sha: v.env["GITHUB_SHA"] ?? "",
    payload: v.event ?? {},
    env: v.env,
    commitDate: set.clock,
  };
  try {
    const differences = check(computeMetadata(inputs, context, set.repo, set.clock), v);
    return differences.length ? { id: v.id, status: "failed", differences } : { id: v.id, status: "passed" };
  } catch (error) {
    if (error instanceof UnsupportedFeature) return { id: v.id, status: "unsupported", feature: error.feature };
    return { id: v.id, status: "failed", differences: [`threw: ${(error as Error).message}`] };
  }
}

export interface ConformanceSummary {
  readonly passed: number;
  readonly failed: number;
  readonly unsupported: number;
  readonly total: number;
  /** Unsupported feature → ids of the vectors that need it. */
  readonly unsupportedFeatures: Readonly<Record<string, readonly string[]>>;
  readonly failures: readonly { readonly id: string; readonly differences: readonly string[] }[];
}

/** Runs every vector of a set and counts the verdicts. */
export function runVectorSet(set: VectorSet): ConformanceSummary {
  const verdicts = set.cases.map((v) => runVector(v, set));
  const unsupportedFeatures: Record<string, string[]> = {};
  const failures: { id: string; differences: readonly string[] }[] = [];
  for (const verdict of verdicts) {
    if (verdict.status === "unsupported") (unsupportedFeatures[verdict.feature] ??= []).push(verdict.id);
    if (verdict.status === "failed") failures.push({ id: verdict.id, differences: verdict.differences });
  }
  const count = (status: Verdict["status"]) => verdicts.filter((v) => v.status === status).length;
  return { passed: count("passed"), failed: count("failed"), unsupported: count("unsupported"), total: verdicts.length, unsupportedFeatures, failures };
}
