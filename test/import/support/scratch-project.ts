/**
 * A scratch copy of this project for import tests: the sources, the manifest and the
 * bindings, with node_modules linked. Modules imported into it are built in this
 * process (the tests run under tsx, which loads their TypeScript).
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PROJECT_ROOT } from "../../../workflows-src/kit/project-root.ts";
import type { BuiltWorkflow } from "../../../workflows-src/kit/workflow.ts";

/** A scratch project: its root, a way to build one of its modules, and removal. */
export interface ScratchProject {
  readonly root: string;
  build(name: string): Promise<() => BuiltWorkflow>;
  remove(): void;
}

/** Copies the project's sources into a temporary folder. */
export function scratchProject(): ScratchProject {
  const root = mkdtempSync(path.join(tmpdir(), "import-test-"));
  for (const entry of ["package.json", "package-lock.json", "tsconfig.json", "workflows-src", "generated", ".github/workflows"]) {
    cpSync(path.join(PROJECT_ROOT, entry), path.join(root, entry), { recursive: true });
  }
  symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(root, "node_modules"));
  return {
    root,
    async build(name) {
      const module = (await import(pathToFileURL(path.join(root, "workflows-src", `${name}.ts`)).href)) as { build: () => BuiltWorkflow };
      return module.build;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
