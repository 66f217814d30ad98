/**
 * A scratch copy of this project for import tests (`projectCopy`). Modules imported
 * into it are built in this process: they are written while the tests run, so tsx
 * loads their TypeScript, in a namespace of the project's own (a module its neighbours
 * import is loaded once, as under `npm run gen`).
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";
import { projectCopy } from "../../../scripts/files/project-copy.ts";
import type { BuiltWorkflow } from "../../../workflows-src/kit/workflow.ts";

/** A scratch project: its root, a way to build one of its modules, and removal. */
export interface ScratchProject {
  readonly root: string;
  build(name: string): Promise<() => BuiltWorkflow>;
  remove(): Promise<void>;
}

/** Copies the project's sources into a temporary folder. */
export function scratchProject(): ScratchProject {
  const root = projectCopy("import-test");
  const typescript = register({ namespace: root });
  return {
    root,
    async build(name) {
      const module = (await typescript.import(pathToFileURL(path.join(root, "workflows-src", `${name}.ts`)).href, import.meta.url)) as { build: () => BuiltWorkflow };
      return module.build;
    },
    async remove() {
      await typescript.unregister();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
