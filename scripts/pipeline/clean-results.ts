/**
 * Checks over the emitted workflows, remembered per workflow: a workflow that came
 * out clean is not checked again while its text and the checking code are the same.
 * gen and check run on every edit, and an edit changes one workflow: only that one
 * is checked again.
 */
import { passedNote, rememberPassed } from "./result-memory.ts";
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
  /** The note kept with each workflow known to be clean (see `remember`), by path. */
  readonly notes: ReadonlyMap<string, string>;
  /** Records that one of them came out clean, keeping `note` with it: what a clean result still says (lint's waived findings). */
  remember(workflow: GeneratedFile, note?: string): void;
}

/**
 * The memory of `check` for the files it checks among `files`: by default the workflows
 * (the other generated files are reports and bindings, which no check of this kind reads).
 */
export function cleanMemory(check: RememberedCheck, files: readonly GeneratedFile[], checks: (file: GeneratedFile) => boolean = isEmittedWorkflow): CleanMemory {
  // The checking code is read and digested once, not once per workflow.
  const tooling = inputsDigest(PROJECT_ROOT, [], check.inputs);
  const digestOf = (workflow: GeneratedFile): string => inputsDigest(PROJECT_ROOT, [tooling, workflow.path, workflow.content], []);
  const notes = new Map<string, string>();
  const unchecked = files.filter(checks).filter((workflow) => {
    const note = passedNote(check.name, digestOf(workflow));
    if (note !== undefined) notes.set(workflow.path, note);
    return note === undefined;
  });
  return { unchecked, notes, remember: (workflow, note) => rememberPassed(check.name, digestOf(workflow), note) };
}
