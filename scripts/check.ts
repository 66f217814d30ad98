/**
 * `npm run check [-- --root DIR]`: generate in memory and compare with the files
 * on disk. Prints each stale, hand-edited, missing or orphaned file with a unified
 * diff and the fix; exits 1 if there is any, 0 when everything is current. Under
 * GitHub Actions (`GITHUB_ACTIONS=true`) it also prints `::error` annotations.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generate, GenerationError } from "./generated/generate.ts";
import { findDrift } from "./generated/drift.ts";
import { parseRootFlag } from "./cli/root-flag.ts";
import { annotation } from "./cli/annotation.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const flags = await parseRootFlag("check", process.argv.slice(2), projectRoot);
const inGithubActions = process.env["GITHUB_ACTIONS"] === "true";

try {
  const drifts = findDrift(flags.root, await generate());
  for (const drift of drifts) {
    console.log(`${drift.kind}: ${drift.message}\n${drift.diff}`);
    if (inGithubActions) console.log(annotation("error", { file: drift.path, title: `generated file ${drift.kind}` }, drift.message));
  }
  if (drifts.length) {
    console.log(`check: ${drifts.length} generated file${drifts.length === 1 ? " is" : "s are"} not current; run \`npm run gen\``);
    process.exitCode = 1;
  } else {
    console.log("check: all generated files are current");
  }
} catch (error) {
  if (!(error instanceof GenerationError)) throw error;
  console.error(`check: the sources do not build.\n${error.message}`);
  if (inGithubActions) for (const problem of error.problems) console.log(annotation("error", { title: "workflow sources do not build" }, problem));
  process.exitCode = 1;
}
