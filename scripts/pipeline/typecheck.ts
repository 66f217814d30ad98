/**
 * The compiler as a gate: gen and check type-check the workflow sources
 * (`workflows-src/`, `generated/`, as `tsconfig.sources.json` says) and refuse to emit
 * from code that does not type-check — the generator itself runs the sources through
 * esbuild, which strips types without checking them.
 *
 * TypeScript runs in its own process while the generator works, incrementally (its
 * build info is kept under `node_modules/.cache`, build-info.ts), so an edit costs an
 * incremental check. A tree whose every checked file has the same content as one checked
 * before, on this machine, is not checked again: it passes, or has the type errors it had
 * (gen, then check, on a broken tree run TypeScript once).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { cacheRoot, jsonCache } from "../files/json-cache.ts";
import { treeDigest } from "../files/tree-digest.ts";
import { buildInfoFor } from "./build-info.ts";
import { passedBefore, rememberPassed } from "./result-memory.ts";
import { GenerationError, problemOfError, type SourceProblem } from "./source-problem.ts";

/** The project config the gate checks; `npm run typecheck` checks everything (scripts and tests too). */
export const SOURCES_CONFIG = "tsconfig.sources.json";
/** What the program of `config` is made of: its configs, the lock file of the compiler and the folders a config of the sources includes from. */
const checkedPaths = (config: string): string[] => ["tsconfig.json", config, "package-lock.json", "workflows-src", "generated"];

/** The type errors of trees that failed the check, by the digest of their checked files. */
const failures = jsonCache<TypeProblem[]>("typecheck-failures", 50);

/** One type error: where, and TypeScript's message with its code. */
export interface TypeProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** A type error as a problem that stops generation. */
export function typeErrorProblem(problem: TypeProblem): SourceProblem {
  return { ...problem, message: `${problem.message}; the workflow sources must type-check before anything is emitted` };
}

/**
 * What gen and check report for an error thrown while generating: a `GenerationError`
 * as it is; anything else (a source that throws while it loads) at its place, after
 * the type errors of the check running beside it, which often explain it.
 */
export async function generationFailure(error: unknown, typecheck: Promise<TypeProblem[]>): Promise<GenerationError> {
  if (error instanceof GenerationError) return error;
  return new GenerationError([...(await typecheck.catch((): TypeProblem[] => [])).map(typeErrorProblem), problemOfError(error)]);
}

/**
 * Starts the type check of the sources under `root`; resolves to its type errors
 * (none when the same content passed before). `config` is the project config to check,
 * relative to `root`: the sources' own by default, or one that includes some of them
 * (a test of the importer checks the modules it wrote).
 */
export async function typecheckSources(root: string, config: string = SOURCES_CONFIG): Promise<TypeProblem[]> {
  const digest = treeDigest(root, checkedPaths(config));
  if (passedBefore("typecheck", digest)) return [];
  const failed = failures.read(digest);
  if (failed) return failed;
  const compiler = await compilerPath(root);
  const cache = cacheRoot(root);
  mkdirSync(cache, { recursive: true });
  const buildInfo = buildInfoFor(cache, root);
  // Imported here: gen and check with nothing changed never start the check, nor load child processes.
  const { spawn } = await import("node:child_process");
  return await new Promise((resolve, reject) => {
    // One thread: the check runs beside the generator, which needs a core of its own; on two cores a threaded check took a fifth more CPU and slowed gen more than it sped itself up.
    const child = spawn(compiler, ["-p", config, "--incremental", "--tsBuildInfoFile", buildInfo, "--pretty", "false", "--singleThreaded"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("error", (error) => reject(new Error(`the type check could not start (${error.message}); run \`npm ci\``)));
    child.on("close", (code) => {
      const problems = parseDiagnostics(output);
      if (code === 0 && problems.length === 0) {
        rememberPassed("typecheck", digest);
        return resolve([]);
      }
      // A compiler that ended with located errors found them all; one killed, or failing without a located error (a broken config), is asked again next time.
      if (code !== null && problems.length) failures.write(digest, problems);
      resolve(problems.length ? problems : [{ file: config, line: 1, column: 1, message: output.trim() || `the type check failed (exit ${code})` }]);
    });
  });
}

/** TypeScript's diagnostics, `file(line,col): error TSnnnn: message`, with continuation lines kept. */
export function parseDiagnostics(output: string): TypeProblem[] {
  const found: { file: string; line: number; column: number; code: string; parts: string[] }[] = [];
  for (const line of output.split("\n")) {
    const located = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line);
    if (located) {
      const [, file, row, column, code, message] = located as unknown as [string, string, string, string, string, string];
      found.push({ file: file.split(path.sep).join("/"), line: Number(row), column: Number(column), code, parts: [message] });
    } else if (line.trim() && found.length) {
      found[found.length - 1]!.parts.push(line.trim());
    }
  }
  // The most specific part of a chained message comes last: lead with it.
  return found.map(({ file, line, column, code, parts }) => ({ file, line, column, message: `${[...parts].reverse().join(" ← ")} [${code}]` }));
}

/**
 * The native compiler of the installed `typescript` package, found by the package's own
 * lookup (its `tsc` script does the same, then starts it: one Node start fewer).
 */
async function compilerPath(root: string): Promise<string> {
  const lookup = (await import(pathToFileURL(path.join(root, "node_modules", "typescript", "lib", "getExePath.js")).href)) as { default: () => string };
  return lookup.default();
}
