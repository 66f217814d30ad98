/**
 * The workflows a commit's sources build, built by that commit's own generator: its
 * tree is checked out into a temporary folder (through a temporary index, so the
 * repository and its work tree are untouched), given this checkout's packages by
 * symbolic links, and its generator runs there in a child process and prints the
 * emitted files. Nothing is read from the commit's committed YAML. The result is
 * remembered under the digest of the commit's tree, so a base reviewed before costs
 * nothing.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isEmittedWorkflow } from "../emit/emit-workflow.ts";
import type { GeneratedFile } from "../files/generated-file.ts";
import { jsonCache } from "../files/json-cache.ts";
import { git, ReviewError } from "./base-ref.ts";
import { linkPackages } from "../files/link-packages.ts";

/**
 * Where a commit's generator is and what it exports, newest layout first: a commit is
 * built with the first one its tree has. `emitAll()` builds every workflow in memory
 * and throws (with every problem) when the sources do not build.
 */
const GENERATORS = [
  { module: "scripts/pipeline/generate.ts", exported: "emitAll" },
  { module: "scripts/generated/generate.ts", exported: "emitAll" },
] as const;

const DRIVER = (module: string, exported: string): string => `// Written by npm run review: prints the workflows this tree's sources build.
import { ${exported} as build } from "./${module}";
try {
  const files = await build();
  process.stdout.write(JSON.stringify(files.map((f) => ({ path: f.path, content: f.content }))));
} catch (error) {
  process.stderr.write(String((error as Error)?.message ?? error));
  process.exitCode = 1;
}
`;

const RUN_TS = fileURLToPath(new URL("../run-ts.mjs", import.meta.url));
// The driver's text is part of the key: a changed driver never serves an old result.
const DRIVER_DIGEST = createHash("sha256").update(JSON.stringify(GENERATORS)).update(DRIVER("", "")).digest("hex").slice(0, 16);
const built = jsonCache<{ path: string; content: string }[]>("review-base", 50);

/** The emitted workflows the sources of `commit` build (throws `ReviewError` when they do not build). */
export function workflowsAtCommit(root: string, commit: string): GeneratedFile[] {
  const tree = git(root, ["rev-parse", "--verify", "--quiet", `${commit}^{tree}`]);
  if (tree === undefined) throw new ReviewError(`commit "${commit}" has no tree here; fetch it, or pass another --base`);
  const key = createHash("sha256").update(`${tree}\0${DRIVER_DIGEST}`).digest("hex");
  const known = built.read(key);
  if (known) return known;
  const files = buildTree(root, commit, tree).filter(isEmittedWorkflow);
  built.write(key, files);
  return files;
}

function buildTree(root: string, commit: string, tree: string): GeneratedFile[] {
  const scratch = mkdtempSync(path.join(tmpdir(), "charon-review-"));
  try {
    const checkout = path.join(scratch, "tree");
    const index = { GIT_INDEX_FILE: path.join(scratch, "index") };
    if (git(root, ["read-tree", tree], index) === undefined || git(root, ["checkout-index", "--all", `--prefix=${checkout}/`], index) === undefined) {
      throw new ReviewError(`could not check out the tree of ${commit.slice(0, 12)} into ${checkout}; is the disk full?`);
    }
    const generator = GENERATORS.find((g) => existsSync(path.join(checkout, g.module)));
    if (!generator) {
      throw new ReviewError(`${commit.slice(0, 12)} has no generator the review knows (${GENERATORS.map((g) => g.module).join(", ")}); pass a newer --base`);
    }
    linkPackages(path.join(root, "node_modules"), path.join(checkout, "node_modules"));
    const driver = path.join(checkout, "review-emit.ts");
    writeFileSync(driver, DRIVER(generator.module, generator.exported));
    // The driver compiles into this checkout's cache, whose transforms and builds name no
    // absolute path: what the base shares with this tree is not transformed again.
    const run = spawnSync(process.execPath, [RUN_TS, driver], { cwd: checkout, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    if (run.status !== 0) {
      throw new ReviewError(`the sources at ${commit.slice(0, 12)} do not build, so there is nothing to compare with; pass another --base\n${(run.stderr || run.stdout).trim()}`);
    }
    return parseFiles(run.stdout, commit);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The driver's output, checked: a list of files with a relative path and text content. */
function parseFiles(output: string, commit: string): GeneratedFile[] {
  let files: unknown;
  try {
    files = JSON.parse(output);
  } catch {
    throw new ReviewError(`the generator at ${commit.slice(0, 12)} printed something other than its files; run \`npm run gen\` there to see why`);
  }
  const valid = (f: unknown): f is GeneratedFile =>
    typeof f === "object" && f !== null && typeof (f as GeneratedFile).path === "string" && typeof (f as GeneratedFile).content === "string" && /^[\w.-]+(\/[\w.-]+)*$/.test((f as GeneratedFile).path) && !(f as GeneratedFile).path.split("/").includes("..");
  if (!Array.isArray(files) || !files.every(valid)) throw new ReviewError(`the generator at ${commit.slice(0, 12)} printed files of an unknown shape; pass a newer --base`);
  return files.map((f) => ({ path: f.path, content: f.content }));
}
