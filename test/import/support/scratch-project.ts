/**
 * A scratch copy of this project for import tests (`projectCopy`). Modules imported
 * into it are built in this process (the tests run under tsx, which loads their
 * TypeScript).
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { projectCopy } from "../../../scripts/files/project-copy.ts";
import type { BuiltWorkflow } from "../../../workflows-src/kit/workflow.ts";

/** A scratch project: its root, a way to build one of its modules, and removal. */
export interface ScratchProject {
  readonly root: string;
  build(name: string): Promise<() => BuiltWorkflow>;
  remove(): void;
}

/** Copies the project's sources into a temporary folder. */
export function scratchProject(): ScratchProject {
  const root = projectCopy("import-test");
  return {
    root,
    async build(name) {
      const module = (await import(pathToFileURL(path.join(root, "workflows-src", `${name}.ts`)).href)) as { build: () => BuiltWorkflow };
      return module.build;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
