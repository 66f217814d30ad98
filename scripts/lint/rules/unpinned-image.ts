/**
 * unpinned-image: a job's `container:` or a `services:` image named by a tag
 * (`node:22`, `postgres`) rather than an `@sha256:` digest. A tag can be moved to
 * another image after review, and the job then runs it with the job's token and
 * secrets. An image computed by an expression cannot be judged and passes.
 * Anchors: zizmor unpinned-images, Scorecard Pinned-Dependencies.
 */
import type { Report, Rule } from "../rule.ts";
import { isYamlMap, jobsOf } from "../walk.ts";

const DIGEST = /@sha256:[0-9a-f]{64}$/;

export const unpinnedImage: Rule = {
  id: "unpinned-image",
  severity: "error",
  what: "a job `container:` or `services:` image that is not pinned by an `@sha256:` digest",
  why: "a tag can be moved to another image after review; the job runs whatever the tag names that day, with its token and secrets",
  examples: {
    failing: `on: push
permissions: {}
jobs:
  test:
    runs-on: ubuntu-latest
    permissions: {}
    container: node:22
    services:
      db:
        image: postgres:17
    steps:
      - run: npm test
`,
    passing: `on: push
permissions: {}
jobs:
  test:
    runs-on: ubuntu-latest
    permissions: {}
    container: node:22@sha256:${"0".repeat(64)}
    services:
      db:
        image: postgres:17@sha256:${"1".repeat(64)}
    steps:
      - run: npm test
`,
  },
  check(document, report) {
    for (const job of jobsOf(document.workflow)) {
      const container = job.job["container"];
      if (typeof container === "string") checkImage(`${job.path}.container`, container, `the container of job "${job.id}"`, report);
      else if (isYamlMap(container)) checkImage(`${job.path}.container.image`, container["image"], `the container of job "${job.id}"`, report);
      const services = job.job["services"];
      if (!isYamlMap(services)) continue;
      for (const [name, service] of Object.entries(services)) {
        if (typeof service === "string") checkImage(`${job.path}.services.${name}`, service, `service "${name}" of job "${job.id}"`, report);
        else if (isYamlMap(service)) checkImage(`${job.path}.services.${name}.image`, service["image"], `service "${name}" of job "${job.id}"`, report);
      }
    }
  },
};

function checkImage(path: string, image: unknown, owner: string, report: Report): void {
  if (typeof image !== "string" || image.trim() === "" || image.includes("${{") || DIGEST.test(image)) return;
  report(path, `image "${image}" of ${owner} is not pinned by digest; write "${image.replace(/^docker:\/\//, "")}@sha256:<digest>" (the digest the tag names today)`);
}
