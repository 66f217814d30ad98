/**
 * Model of docker/build-push-action v6.18.0. Models: every entry of `tags` is
 * applied to the built image; `load: true` puts the image with those tags into the
 * job's daemon, `push: true` into the run's registry; a multi-platform `load` and a
 * `push` without tags fail as buildx does; outputs `imageid`, `digest`, `metadata`.
 * Does not model: the build itself (Dockerfile, cache, build args, secrets),
 * attestations, `outputs:`/`cache-*` exporters.
 */
import { createHash } from "node:crypto";
import { storeRefs } from "../daemon.ts";
import { booleanInput, listInput, type ActionModel } from "./model.ts";

const digestOf = (text: string) => `sha256:${createHash("sha256").update(text).digest("hex")}`;

export const buildPushActionModel: ActionModel = {
  action: "docker/build-push-action",
  describes: "applies every tag; load → job daemon, push → run registry",
  run({ with: inputs, github, job, run }) {
    const tags = listInput(inputs["tags"], true);
    const load = booleanInput(inputs["load"], false);
    const push = booleanInput(inputs["push"], false);
    const platforms = listInput(inputs["platforms"], true);
    if (load && platforms.length > 1) {
      return { outcome: "failure", outputs: {}, summary: "load of a multi-platform build", error: "ERROR: docker exporter does not currently support exporting manifest lists" };
    }
    if (push && tags.length === 0) return { outcome: "failure", outputs: {}, summary: "push without tags", error: "ERROR: tag is needed when pushing to registry" };
    const imageid = digestOf(`image:${github.sha}:${tags.join(",")}`);
    const digest = digestOf(`manifest:${github.sha}:${tags.join(",")}:${platforms.join(",")}`);
    if (load) storeRefs(job.daemon, tags);
    if (push) storeRefs(run.sandbox.registry, tags);
    run.applied.push(...tags);
    const where = [load ? "loaded" : "", push ? "pushed" : ""].filter(Boolean).join(" and ") || "built only (neither loaded nor pushed)";
    return {
      outcome: "success",
      outputs: { imageid, digest, metadata: JSON.stringify({ "containerimage.digest": digest, "image.name": tags.join(",") }) },
      summary: `${where}: ${tags.length ? tags.join(", ") : "(no tags)"}`,
    };
  },
};
