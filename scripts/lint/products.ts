/**
 * What a step takes from earlier steps of its job besides expressions: the image
 * a build step left in the Docker daemon, and the file a script wrote that an
 * upload step sends. Run scripts are read (through the shell adapter) for the docker
 * commands, and scripts and env values for the file names, that tie two steps together.
 */
import { dockerSubcommands } from "../shell/docker-commands.ts";
import type { WorkflowObject } from "./document.ts";
import { runScriptOf } from "./run-script.ts";
import { actionOf, isYamlMap, type StepEntry, type YamlMap } from "./walk.ts";

/** The action that uploads an artifact. */
export const UPLOAD_ACTION = "actions/upload-artifact";
/** The action that downloads an artifact. */
export const DOWNLOAD_ACTION = "actions/download-artifact";

/** The `with.name` of an upload or download step, when it is a string. */
export function artifactNameOf(step: YamlMap): string | undefined {
  const name = (isYamlMap(step["with"]) ? step["with"] : {})["name"];
  return typeof name === "string" ? name : undefined;
}

/** A step that consumes what an earlier step made, and what it consumes. */
export interface ProductUse {
  readonly producer: StepEntry;
  /** `uses the image built by`, `uploads the file "x.tar" written by`. */
  readonly what: string;
}

const IMAGE_CONSUMERS = new Set(["save", "push", "run", "tag", "inspect"]);
const IMAGE_PRODUCERS = new Set(["build", "load", "pull"]);

/** The products of earlier steps a step uses: the latest image producer for a docker consumer, and in emitted workflows the writer of each uploaded file. */
export function productUses(workflow: WorkflowObject, consumer: StepEntry, earlier: readonly StepEntry[], emitted: boolean): ProductUse[] {
  const uses: ProductUse[] = [];
  if (runsDocker(workflow, consumer, IMAGE_CONSUMERS)) {
    const producer = [...earlier].reverse().find((s) => actionOf(s.step) === "docker/build-push-action" || runsDocker(workflow, s, IMAGE_PRODUCERS));
    if (producer) uses.push({ producer, what: "uses the image built by" });
  }
  // Which earlier step wrote a file is read from names in scripts: a guess the project's own workflows are written to satisfy, not one to hold others to.
  if (emitted && actionOf(consumer.step) === UPLOAD_ACTION) {
    for (const file of uploadedFiles(consumer.step)) {
      const producer = [...earlier].reverse().find((s) => mentions(s.step, file));
      if (producer) uses.push({ producer, what: `uploads the file "${file}" written by` });
    }
  }
  return uses;
}

/** File names (last path segment with an extension, no glob) an upload step sends. */
export function uploadedFiles(step: YamlMap): string[] {
  const path = (isYamlMap(step["with"]) ? step["with"] : {})["path"];
  if (typeof path !== "string") return [];
  return path
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("!") && !/[*?[]/.test(line))
    .map((line) => line.split("/").pop() ?? "")
    .filter((name) => /^[^.].*\.[A-Za-z0-9]+$/.test(name) && !name.includes("}}"));
}

/** True when the step's script runs one of the docker subcommands. */
function runsDocker(workflow: WorkflowObject, entry: StepEntry, subcommands: ReadonlySet<string>): boolean {
  const script = runScriptOf(workflow, entry, [/docker/]);
  return script !== undefined && dockerSubcommands(script).some((s) => subcommands.has(s));
}

function runText(step: YamlMap): string | undefined {
  return typeof step["run"] === "string" ? step["run"] : undefined;
}

/** True when a script step names the file in its script or its env (where scripts get their paths). */
function mentions(step: YamlMap, file: string): boolean {
  if (actionOf(step) !== undefined) return false;
  const env = isYamlMap(step["env"]) ? Object.values(step["env"]) : [];
  return [runText(step), ...env].some((text) => typeof text === "string" && text.includes(file));
}
