/**
 * `hashFiles(...)` over a job's simulated workspace: the SHA-256 of the named files
 * that exist, or an empty string when none does (as on the runner). Glob patterns
 * are not resolved and are reported as unsupported.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { data } from "@actions/expressions";
import type { ExtraFunctions } from "../expressions/evaluate.ts";
import { pathInside } from "./sandbox-paths.ts";
import { UnsupportedFeature } from "./unsupported.ts";

/** `hashFiles` over `workspace`; a path that resolves outside `root` (the job's folder) is unsupported. */
export function hashFilesIn(root: string, workspace: string): ExtraFunctions {
  const call = (...args: data.ExpressionData[]) => {
    const hash = createHash("sha256");
    let found = false;
    for (const arg of args) {
      const pattern = arg.coerceString();
      if (/[*?[\]!]/.test(pattern)) throw new UnsupportedFeature(`hashFiles("${pattern}") with a glob`);
      const file = pathInside(root, workspace, pattern, "hashFiles path");
      if (existsSync(file) && statSync(file).isFile()) {
        hash.update(readFileSync(file));
        found = true;
      }
    }
    return new data.StringData(found ? hash.digest("hex") : "");
  };
  return new Map([["hashfiles", { name: "hashFiles", minArgs: 1, maxArgs: 255, call }]]);
}
