/**
 * Checks over the emitted workflows, remembered per workflow: a workflow that came
 * out clean is not checked again while its text and the checking code are the same.
 * gen and check run on every edit, and an edit changes one workflow: only that one
 * is checked again.
 */
import { passedBefore, rememberPassed } from "./result-memory.ts";
import { isEmittedWorkflow } from "../emit/emit-workflow.ts";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";
import type { GeneratedFile } from "../files/generated-file.ts";
import { inputsDigest } from "./report-cache.ts";

/** A check over the emitted workflows, named, with the project paths its result depends on. */
export interface RememberedCheck {
  name: string;
  inputs: readonly string[];
}

/** What a check remembers of the emitted workflows among some generated files. */
export interface CleanMemory {
  /** The emitted workflows not known to be clean: the ones to check. */
  readonly unchecked: readonly GeneratedFile[];
  /** Records that one of them came out clean. */
  remember(workflow: GeneratedFile): void;
}

/** The memory of `check` for the emitted workflows among `files`. */
export function cleanMemory(check: RememberedCheck, files: readonly GeneratedFile[]): CleanMemory {
  // The checking code is read and digested once, not once per workflow.
  const tooling = inputsDigest(PROJECT_ROOT, [], check.inputs);
  const digestOf = (workflow: GeneratedFile): string => inputsDigest(PROJECT_ROOT, [tooling, workflow.path, workflow.content], []);
  const workflows = files.filter(isEmittedWorkflow);
  return {
    unchecked: workflows.filter((workflow) => !passedBefore(check.name, digestOf(workflow))),
    remember: (workflow) => rememberPassed(check.name, digestOf(workflow)),
  };
}
