/**
 * What an entry loads, read from esbuild's import graph: the project files it reaches
 * and the packages it names, through static imports alone or through dynamic ones too.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as esbuild from "esbuild";
import { PROJECT_ROOT } from "../../workflows-src/kit/project-root.ts";

/** Project files and packages the entries load through static imports alone. */
export function staticallyLoaded(entries: readonly string[]): Promise<{ files: Set<string>; packages: Set<string> }> {
  return loaded(entries, ["import-statement"]);
}

/** Project files and packages the entries may load, through static or dynamic imports. */
export function everyLoaded(entries: readonly string[]): Promise<{ files: Set<string>; packages: Set<string> }> {
  return loaded(entries, ["import-statement", "dynamic-import"]);
}

async function loaded(entries: readonly string[], kinds: readonly esbuild.ImportKind[]): Promise<{ files: Set<string>; packages: Set<string> }> {
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
        if (!kinds.includes(imported.kind)) continue;
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
