/**
 * hand-built-ref: an image reference put together from registry, owner and tag
 * pieces (`ghcr.io/${IMAGE_NAME}:pr-${{ github.event.pull_request.number }}`) in a
 * workflow that has a docker/metadata-action step. The metadata step is the one
 * source of the tags the build applied; a rebuilt reference drifts from it. This is
 * the docker-build contract of the workflows the project emits (a policy rule): other
 * workflows build references by hand for good reasons. A reference by digest
 * (`name@${DIGEST}`) names exactly what was built and is never reported.
 */
import { splitTemplate } from "../../../workflows-src/kit/expression-syntax.ts";
import type { Rule } from "../rule.ts";
import { actionOf, allSteps, jobsOf, scalarsOf, stepLabel } from "../walk.ts";

const METADATA_ACTION = "docker/metadata-action";
/** Build cache references name a cache image, not the image the metadata step tags. */
const CACHE_INPUTS = new Set(["cache-from", "cache-to"]);
/** Stands for one `${{ }}` in the literal skeleton of a value. */
const PIECE = "\u0001";

export const handBuiltRef: Rule = {
  id: "hand-built-ref",
  severity: "error",
  policy: true,
  what: "an image reference assembled from registry/owner/tag pieces in a workflow that has a metadata step",
  why: "the tags the build applied come from the metadata step; a reference rebuilt by hand can name an image that does not exist",
  examples: {
    failing: `on: pull_request
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - id: meta
        uses: docker/metadata-action@c299e40c65443455700f0fdfc63efafe5b349051 # v5.10.0
        with:
          images: ghcr.io/owner/charon
      - env:
          IMAGE: ghcr.io/owner/charon:pr-\${{ github.event.pull_request.number }}
        run: docker save "$IMAGE" -o image.tar
`,
    passing: `on: pull_request
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - id: meta
        uses: docker/metadata-action@c299e40c65443455700f0fdfc63efafe5b349051 # v5.10.0
        with:
          images: ghcr.io/owner/charon
      - env:
          IMAGE: \${{ fromJSON(steps.meta.outputs.json).tags[0] }}
        run: docker save "$IMAGE" -o image.tar
`,
  },
  check(document, report) {
    const steps = allSteps(document.workflow);
    const metadata = steps.find((s) => actionOf(s.step) === METADATA_ACTION);
    if (!metadata) return;
    const source = metadata.id ? `fromJSON(steps.${metadata.id}.outputs.json).tags[0]` : "the metadata step's json output";
    // In the kit, the one name of the image is prImageTag() of the metadata step's handle; other jobs read the job output that carries it.
    const named = `name the image with prImageTag(${metadata.id ?? "meta"})`;
    const elsewhere = "read it in other jobs through needs(job).outputs (needs(buildAndPush).outputs.image_ref)";
    for (const step of steps) {
      if (step === metadata) continue;
      for (const key of ["run", "with", "env"] as const) {
        for (const scalar of scalarsOf(step.step[key], `${step.path}.${key}`)) {
          if (key === "with" && CACHE_INPUTS.has(String(scalar.key))) continue;
          for (const ref of handBuiltReferences(scalar.value)) {
            const problem = `step "${stepLabel(step)}" builds the image reference "${ref}" by hand while step "${metadata.id ?? stepLabel(metadata)}" computes the tags the build applied`;
            report(scalar.path, `${problem}; pass ${source} through env: (a job output for other jobs) instead`, `${problem}; ${named} in the step's env, and ${elsewhere}`);
          }
        }
      }
    }
    for (const scalar of scalarsOf(document.workflow["env"], "env")) {
      for (const ref of handBuiltReferences(scalar.value)) {
        const problem = `the workflow env builds the image reference "${ref}" by hand`;
        report(scalar.path, `${problem}; pass ${source} through env: of the steps that need it instead`, `${problem}; ${named} in the env of the steps that need it`);
      }
    }
    for (const job of jobsOf(document.workflow)) {
      for (const key of ["outputs", "env"] as const) {
        for (const scalar of scalarsOf(job.job[key], `${job.path}.${key}`)) {
          for (const ref of handBuiltReferences(scalar.value)) {
            const problem = `job "${job.id}" builds the image reference "${ref}" by hand`;
            report(scalar.path, `${problem}; pass ${source} through its outputs instead`, `${problem}; ${named} in the job's outputs, and ${elsewhere}`);
          }
        }
      }
    }
  },
};

/**
 * Image references in a value that are assembled from variable pieces: a word of
 * the value's literal skeleton (each `${{ }}` replaced by one opaque piece) with a
 * registry or variable first segment, a `/`, a `:tag` or `@digest` after the last
 * `/`, and at least one variable piece (`$VAR`, `${VAR}`, `${{ }}`).
 */
export function handBuiltReferences(value: string | number | boolean): string[] {
  if (typeof value !== "string") return [];
  let skeleton: string;
  try {
    skeleton = splitTemplate(value).map((part) => (part.kind === "expression" ? PIECE : part.text)).join("");
  } catch {
    return [];
  }
  return skeleton
    .split(/[\s"'=();,|<>`]+/)
    .filter(isAssembledReference)
    .map((word) => word.replaceAll(PIECE, "${{ … }}"));
}

function isAssembledReference(word: string): boolean {
  if (word.includes("://") || !word.includes("/")) return false;
  const segments = word.split("/");
  const first = segments[0] ?? "";
  // A `:` inside a `${…}` parameter expansion (`${digest#sha256:}`, `${TAG:-latest}`) is not a tag separator.
  const last = (segments[segments.length - 1] ?? "").replace(/\$\{[^}]*\}/g, "$V");
  const hasTag = /^[^:@]+:[^:@]+$/.test(last);
  const variable = (text: string): boolean => text.includes(PIECE) || /\$\{?[A-Za-z_]/.test(text);
  const registry = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/.test(first) || first === "localhost" || variable(first);
  return hasTag && registry && segments.length >= 2 && variable(word);
}
