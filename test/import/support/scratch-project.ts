/**
 * A scratch copy of this project for import tests (`projectCopy`). The modules an
 * import writes into it are compiled as a command's are (scripts/run-ts): into one
 * build, kept by content under the runner's cache, so a run that imports the same
 * workflows again compiles nothing. The build is loaded into this process, with the
 * scratch project as the root its modules read their own URLs from.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { projectCopy } from "../../../scripts/files/project-copy.ts";
import type { BuiltWorkflow } from "../../../workflows-src/kit/workflow.ts";

/** A scratch project: its root, a way to build some of its modules, and removal. */
export interface ScratchProject {
  readonly root: string;
  /** The `build` of each named module under workflows-src/, in the order named. */
  build(names: readonly string[]): Promise<(() => BuiltWorkflow)[]>;
  remove(): void;
}

// The runner's own modules, loaded as they are on disk: they find their files from their own URL.
const runTs = (name: string): string => new URL(`../../../scripts/run-ts/${name}`, import.meta.url).href;

/** Copies the project's sources into a temporary folder. */
export function scratchProject(): ScratchProject {
  const root = projectCopy("import-test");
  return {
    root,
    async build(names) {
      const { cacheRoot, giveBuildRoot } = (await import(runTs("cache.mjs"))) as typeof import("../../../scripts/run-ts/cache.mjs");
      const { keptOrCompiled } = (await import(runTs("build.mjs"))) as typeof import("../../../scripts/run-ts/build.mjs");
      const sources = names.map((name) => path.join("workflows-src", `${name}.ts`));
      const [first, ...also] = sources.map((source) => path.join(root, source));
      const { build } = await keptOrCompiled(first!, path.join(cacheRoot(), "import-tests"), { also, root });
      // The build's chunks read their project root when they are evaluated, which may be after
      // this returns (a lazy import) and beside other tests' modules: theirs is the scratch project.
      giveBuildRoot(build.dir, root);
      const modules = [];
      for (const source of sources) modules.push((await import(pathToFileURL(path.join(build.dir, build.entries[source]!)).href)) as { build: () => BuiltWorkflow });
      return modules.map((module) => module.build);
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
