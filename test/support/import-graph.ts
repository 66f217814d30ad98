/**
 * What an entry loads through static imports alone, read from esbuild's import
 * graph: the project files it reaches and the packages it names.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as esbuild from "esbuild";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";

/** Project files and packages the entries load through static imports alone. */
export async function staticallyLoaded(entries: readonly string[]): Promise<{ files: Set<string>; packages: Set<string> }> {
  const outdir = mkdtempSync(path.join(tmpdir(), "lean-"));
  try {
    const { metafile } = await esbuild.build({
      absWorkingDir: PROJECT_ROOT,
      entryPoints: [...entries],
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      packages: "external",
      write: false,
      metafile: true,
      outdir,
      logLevel: "silent",
    });
    const files = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string): void => {
      if (files.has(file)) return;
      files.add(file);
      for (const imported of metafile.inputs[file]?.imports ?? []) {
        if (imported.kind !== "import-statement") continue;
        if (imported.external) packages.add(imported.path);
        else visit(imported.path);
      }
    };
    for (const entry of entries) visit(entry);
    return { files, packages };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

// The metadata-action model's libraries load only when the plan report is computed again.
