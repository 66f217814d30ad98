/**
 * `npm test [-- FILE…] [--groups N]`: the test suite under Node's test runner.
 * The test files are compiled into one build (scripts/run-ts, each file an entry), so
 * a process loads plain JavaScript instead of running the TypeScript loader over every
 * module. Node's runner gives every test file a process of its own; for this suite that
 * start-up cost more than the tests. So the files are shared out among a few processes
 * (test-groups.ts), one more than cores, so that one waiting on a child process or a
 * time limit leaves the cores to the others; each process more loads again the modules
 * its files need (on 2 cores, 4 processes took 3 s more CPU than 3, and 0.6 s longer).
 * Each imports its files in turn, so a file's tests share a process with other files'
 * tests and must leave no state behind (the working directory, the environment, module
 * state they change). The time each file's tests took is kept under
 * node_modules/.cache for the next runs' groups.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PROJECT_ROOT } from "../workflows-src/kit/project-root.ts";
import { exitWithUsage, readCommandLine, wholeNumberFlag } from "./cli/command-line.ts";
import { jsonCache } from "./files/json-cache.ts";
import { scratchParent } from "./files/memory-folder.ts";
import type { Build } from "./run-ts/cache.mjs";
import { rememberedSeconds, testGroups } from "./test-runner/test-groups.ts";

const spec = {
  name: "test",
  summary: "Runs the test files (default: every test/**/*.test.ts) under Node's test runner, compiled into one build and shared out among a few processes that run side by side.",
  flags: { groups: { type: "string", value: "N", description: "how many processes share the files (default: one more than the number of cores)" } },
  positionals: "[FILE…]",
  examples: ["npm test", "npm test -- test/kit/once.test.ts test/lint/load.test.ts", "npm test -- --groups 1"],
} as const;
const { values, positionals } = readCommandLine(spec, process.argv.slice(2));
const groupCount = wholeNumberFlag(spec, "groups", values.groups, 1, availableParallelism() + 1);

const TEST_DIR = path.join(PROJECT_ROOT, "test");
const KIT_LOCATIONS = fileURLToPath(new URL("./run-ts/kit-locations.ts", import.meta.url));
const REPORTER = fileURLToPath(new URL("./test-runner/durations-reporter.mjs", import.meta.url));
/** The time each test file took (seconds, by project-relative path), from the last run that ran it. */
const timings = jsonCache<Record<string, number>>("test-durations", 1);
const TIMINGS_KEY = createHash("sha256").update("seconds per test file").digest("hex");

const files = positionals.length ? positionals.map(namedFile) : allTestFiles(TEST_DIR);
const relative = (file: string): string => path.relative(PROJECT_ROOT, file).split(path.sep).join("/");
const remembered = timings.read(TIMINGS_KEY) ?? {};
const groups = testGroups(files.map(relative), groupCount, remembered);

const build = await compiledTests(files);
// The run's folder is the tests' temporary folder too (TMPDIR): what a test leaves there goes with the run. The tests
// make and remove about twenty copies of the project and many small projects; on the 2-core machine this project is
// measured on, with them on its disk the suite took 2 to 3 s longer and 5% more CPU than in its memory folder.
const scratch = mkdtempSync(path.join(scratchParent(), "charon-tests-"));
try {
  const setup = path.join(scratch, "setup.mjs");
  writeFileSync(setup, setupModule(build));
  const groupFiles = groups.map((group, index) => {
    const file = path.join(scratch, `group-${index + 1}-of-${groups.length}.test.mjs`);
    writeFileSync(file, groupModule(setup, build, group.map((name) => builtFile(build, name))));
    return file;
  });
  const measured = path.join(scratch, "durations.jsonl");
  const run = spawnSync(
    process.execPath,
    ["--test", `--test-concurrency=${groups.length}`, "--test-reporter", process.stdout.isTTY ? "spec" : "tap", "--test-reporter-destination", "stdout", "--test-reporter", REPORTER, "--test-reporter-destination", measured, ...groupFiles],
    // Node marks the processes of a test run; a run started from inside a test (this command's own tests) is a run of its own.
    { cwd: PROJECT_ROOT, stdio: "inherit", env: { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== "NODE_TEST_CONTEXT")), TMPDIR: scratch } },
  );
  if (existsSync(measured)) {
    const now = Object.entries(secondsPerFile(readFileSync(measured, "utf8"), build)).map(([file, seconds]) => [file, rememberedSeconds(remembered[file], seconds)]);
    // A test file removed or renamed since is forgotten: its time would only be carried along.
    const kept = Object.entries(remembered).filter(([file]) => file.startsWith("test/") && existsSync(path.join(PROJECT_ROOT, file)));
    timings.write(TIMINGS_KEY, Object.fromEntries([...kept, ...now]));
  }
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** A test file named on the command line, as an absolute path; a name that is not one is a usage error. */
function namedFile(name: string): string {
  const file = path.resolve(name);
  if (!existsSync(file) || !file.endsWith(".test.ts")) exitWithUsage(spec, `"${name}" is not a test file; name files that end in .test.ts`);
  return file;
}

/** Every `*.test.ts` under `dir`, sorted. */
function allTestFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".test.ts"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * The test files compiled into one build (scripts/run-ts): each file an entry, sharing
 * chunks, with the kit's source locations connected as in a compiled command. Run
 * alone, a small test file costs less than half the CPU it did with its sources loaded
 * through tsx. A build of more files (the whole suite) serves a run of fewer. A file
 * that does not compile stops the run, naming the place.
 */
async function compiledTests(files: readonly string[]): Promise<Build> {
  // The runner's own modules, loaded as they are on disk rather than bundled into this command: they find their files from their own URL.
  const { cacheRoot } = (await import(new URL("./run-ts/cache.mjs", import.meta.url).href)) as typeof import("./run-ts/cache.mjs");
  const { keptOrCompiled } = (await import(new URL("./run-ts/build.mjs", import.meta.url).href)) as typeof import("./run-ts/build.mjs");
  try {
    return (await keptOrCompiled(KIT_LOCATIONS, path.join(cacheRoot(), "tests"), { also: files, root: PROJECT_ROOT })).build;
  } catch (error) {
    const { CompileError } = (await import(new URL("./run-ts/compile.mjs", import.meta.url).href)) as typeof import("./run-ts/compile.mjs");
    if (!(error instanceof CompileError)) throw error;
    console.error(`npm test: ${error.message}`);
    process.exit(1);
  }
}

/** The compiled file of a test file (project-relative, as `relative` gives it) in `build`. */
function builtFile(build: Build, name: string): string {
  return path.join(build.dir, build.entries[path.normalize(name)]!);
}

/** The module every group loads first: it tells the build which project it runs for, maps its stack frames to TypeScript lines and tunes V8 as for a command. */
function setupModule(build: Build): string {
  const runTs = (name: string): string => JSON.stringify(new URL(`./run-ts/${name}`, import.meta.url).href);
  return [
    `import { ROOT_KEY } from ${runTs("cache.mjs")};`,
    `import { installStackMap } from ${runTs("stack-map.mjs")};`,
    `import { tuneForShortRun } from ${runTs("short-run.mjs")};`,
    "tuneForShortRun();",
    `globalThis[Symbol.for(ROOT_KEY)] = ${JSON.stringify(PROJECT_ROOT)};`,
    `installStackMap(${JSON.stringify(build.dir)}, ${JSON.stringify(PROJECT_ROOT)});`,
    "",
  ].join("\n");
}

/**
 * The module of one group: the setup, the kit's locations connected to the mapper (its
 * build entry), then the group's files. The imports are static, so they are evaluated
 * in this order and every file's tests are declared before the runner starts any (with
 * imports made one after another, the runner can finish before the last file has
 * declared its tests).
 */
function groupModule(setup: string, build: Build, group: readonly string[]): string {
  return [setup, path.join(build.dir, build.entry), ...group].map((file) => `import ${JSON.stringify(pathToFileURL(file).href)};\n`).join("");
}

/** The reporter's lines summed per test file (seconds, by project-relative path); the runner names each test by the compiled file it is in. */
function secondsPerFile(lines: string, build: Build): Record<string, number> {
  const sourceOf = new Map(Object.entries(build.entries).map(([source, output]) => [path.join(build.dir, output), relative(path.join(PROJECT_ROOT, source))]));
  const seconds: Record<string, number> = {};
  for (const line of lines.split("\n")) {
    if (!line) continue;
    const { file, ms } = JSON.parse(line) as { file: string; ms: number };
    const name = sourceOf.get(file.startsWith("file:") ? fileURLToPath(file) : file);
    // A group that failed to load reports its own module; only the test files are timed.
    if (name?.startsWith("test/")) seconds[name] = (seconds[name] ?? 0) + ms / 1000;
  }
  return seconds;
}
