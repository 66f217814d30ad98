/**
 * Runs a step's shell script for real with bash, in a temporary directory, with
 * the step's env and a real `$GITHUB_OUTPUT` file, and returns what it wrote.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Exit status, output text and the `name=value` outputs the script wrote. */
export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

/** Runs `script` with `bash -e` and the given environment (plus GITHUB_OUTPUT and RUNNER_TEMP). */
export function runBash(script: string, env: Record<string, string>): ScriptRun {
  const dir = mkdtempSync(path.join(tmpdir(), "step-"));
  try {
    const outputFile = path.join(dir, "github_output");
    writeFileSync(outputFile, "");
    const result = spawnSync("bash", ["-e", "-c", script], {
      cwd: dir,
      env: { PATH: process.env["PATH"] ?? "/usr/bin:/bin", GITHUB_OUTPUT: outputFile, RUNNER_TEMP: dir, ...env },
      encoding: "utf8",
      timeout: 10_000,
    });
    const outputs: Record<string, string> = {};
    for (const line of readFileSync(outputFile, "utf8").split("\n")) {
      const eq = line.indexOf("=");
      if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
    }
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, outputs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
