/**
 * The compiled-entry cache behind `npm run gen`/`check`: a TypeScript entry runs with
 * plain Node and behaves as under tsx (argv, `import.meta.url`-relative reads, stack
 * traces naming the `.ts` line, the kit's recorded source lines); an unchanged tree is
 * served from the cache, and an edited source is recompiled even when its size and
 * modification time are the same as before.
 *
 * What a run shows (its argv, URLs, stack frames, messages, the restorer) is tested by
 * running the launcher. What the cache keeps and serves is tested in this process,
 * through the function the launcher asks for its build (`keptOrCompiled`): that costs
 * no Node and esbuild start-up per run.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { workflows } from "../workflows-src/index.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const launcher = path.join(projectRoot, "scripts", "run-ts.mjs");
/** Runs the launcher in `cwd` with `argv`, its cache in `cache` (empty: the project's own); `env` is added to this process's. */
const launchIn = (cwd: string, cache: string, argv: readonly string[], env: Record<string, string> = {}): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, [launcher, ...argv], { cwd, encoding: "utf8", env: { ...process.env, RUN_TS_CACHE: cache, ...env } });
const runTs = (name: string): string => pathToFileURL(path.join(projectRoot, "scripts", "run-ts", name)).href;
const { cacheDirFor, giveBuildRoot, ROOT_KEY } = (await import(runTs("cache.mjs"))) as typeof import("../scripts/run-ts/cache.mjs");
const { keptOrCompiled } = (await import(runTs("build.mjs"))) as typeof import("../scripts/run-ts/build.mjs");
type Build = Awaited<ReturnType<typeof keptOrCompiled>>["build"];

function tempProject(files: Record<string, string>): {
  dir: string;
  cache: string;
  run: (entry: string, ...args: string[]) => SpawnSyncReturns<string>;
  /** Runs the launcher with `argv` as given (flags before the entry, entry paths relative to the project). */
  launch: (...argv: string[]) => SpawnSyncReturns<string>;
} {
  const dir = mkdtempSync(path.join(tmpdir(), "run-ts-"));
  for (const [name, text] of Object.entries({ "package.json": '{ "type": "module" }\n', ...files })) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  const cache = path.join(dir, "cache");
  const launch = (...argv: string[]): SpawnSyncReturns<string> => launchIn(dir, cache, argv);
  return { dir, cache, launch, run: (entry, ...args) => launch(path.join(dir, entry), ...args) };
}

/** The manifest of the entry compiled into `cache` (beside it: the transforms, and a restorer's entry when there is one); `entry` names it when there are two. */
const manifestOf = (cache: string, entry?: string): string => {
  const manifests = readdirSync(cache)
    .filter((name) => entry === undefined || name.startsWith(`${entry}-`))
    .map((name) => path.join(cache, name, "manifest.json"))
    .filter((file) => existsSync(file));
  if (manifests.length !== 1) throw new Error(`expected one compiled entry${entry === undefined ? "" : ` named ${entry}`} in ${cache}, found ${manifests.length}`);
  return manifests[0]!;
};

/** What the launcher does before it runs `entry` of `project` (`keptOrCompiled`): the kept build when every input is unchanged, else a compile; `compiled` says which. */
function servedOrCompiled(project: { dir: string; cache: string }, entry: string): Promise<{ build: Build; compiled: boolean }> {
  const file = path.join(project.dir, entry);
  return keptOrCompiled(file, cacheDirFor(file, project.dir, project.cache));
}

/** Imports the entry of `build`, compiled for the project at `root`, into this process. */
async function load<T>(build: Build, root: string): Promise<T> {
  giveBuildRoot(build.dir, root);
  return (await import(pathToFileURL(path.join(build.dir, build.entry)).href)) as T;
}

const sources = {
  "main.ts": [
    'import { readFileSync } from "node:fs";',
    'import { greeting } from "./lib/greet.ts";',
    'import { firstFrame } from "./lib/where.ts";',
    "",
    "interface Report {",
    "  greeting: string;",
    "  frame: string;",
    "}",
    'const report: Report = { greeting, frame: firstFrame() };',
    'console.log(JSON.stringify({ ...report, url: import.meta.url, argv: process.argv.slice(1), data: readFileSync(new URL("./data.txt", import.meta.url), "utf8") }));',
    "",
  ].join("\n"),
  // Each module reads import.meta, so each is transformed on its own (the others esbuild compiles in the bundle).
  "lib/greet.ts": 'export const greeting: string = "hello";\nexport const greetingFrom = import.meta.url;\n',
  "lib/where.ts": [
    "type Line = string;",
    "enum Unused {",
    "  A,",
    "}",
    "export function firstFrame(): Line {",
    '  return (new Error().stack ?? "").split("\\n")[1]?.trim() ?? "";',
    "}",
    "export const whereFrom = import.meta.url;",
    "",
  ].join("\n"),
  "data.txt": "beside main.ts",
};

test("an entry runs with its argv, its own import.meta.url and stack frames at the TypeScript line, the new line after an edit that moves code", () => {
  const project = tempProject(sources);
  try {
    const run = project.run("main.ts", "--flag", "value");
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { greeting: string; frame: string; url: string; argv: string[]; data: string };
    assert.equal(report.greeting, "hello");
    assert.deepEqual(report.argv, [path.join(project.dir, "main.ts"), "--flag", "value"]);
    assert.equal(report.url, pathToFileURL(path.join(project.dir, "main.ts")).href);
    assert.equal(report.data, "beside main.ts");
    assert.ok(report.frame.includes(`${pathToFileURL(path.join(project.dir, "lib", "where.ts")).href}:6:`), report.frame);

    // The line tables of a build are reused for chunks whose source map is unchanged; a blank line changes the map, not the code.
    const where = path.join(project.dir, "lib", "where.ts");
    writeFileSync(where, `\n${readFileSync(where, "utf8")}`);
    const moved = project.run("main.ts");
    assert.equal(moved.status, 0, moved.stderr);
    assert.match(JSON.parse(moved.stdout).frame, /where\.ts:7:/);
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
  }
});

// The same modules, with an entry that exports what it found instead of printing it, to load into this process.
const exporting = {
  ...sources,
  "main.ts": ['import { greeting } from "./lib/greet.ts";', 'import { whereFrom } from "./lib/where.ts";', "export const report = { greeting, where: whereFrom, url: import.meta.url };", ""].join("\n"),
  // To run with the launcher.
  "print.ts": 'import { report } from "./main.ts";\nconsole.log(JSON.stringify(report));\n',
};
type Exported = { report: { greeting: string; where: string; url: string } };
const greetingOf = async (build: Build, root: string): Promise<string> => (await load<Exported>(build, root)).report.greeting;

test("an unchanged tree is served from the cache; an edit of the same size and mtime is recompiled", async () => {
  const project = tempProject(exporting);
  try {
    assert.equal((await servedOrCompiled(project, "main.ts")).compiled, true);
    const manifest = manifestOf(project.cache);
    const past = new Date(Date.now() - 3_600_000);
    utimesSync(manifest, past, past);
    const stamped = statSync(manifest).mtimeMs;
    const served = await servedOrCompiled(project, "main.ts");
    assert.equal(served.compiled, false);
    assert.equal(await greetingOf(served.build, project.dir), "hello");
    assert.equal(statSync(manifest).mtimeMs, stamped, "a fresh cache is not rewritten");

    const greet = path.join(project.dir, "lib", "greet.ts");
    const before = statSync(greet);
    writeFileSync(greet, readFileSync(greet, "utf8").replace("hello", "howdy"));
    utimesSync(greet, before.atime, before.mtime);
    assert.equal(statSync(greet).size, before.size);
    const edited = await servedOrCompiled(project, "main.ts");
    assert.equal(edited.compiled, true, "the edit was not served from the cache");
    assert.equal(await greetingOf(edited.build, project.dir), "howdy");
    assert.notEqual(statSync(manifest).mtimeMs, stamped, "the edit was compiled into a new build");
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
  }
});

test("a file rewritten with the same content (a checkout, a stash) is served by content once, and the build's manifest takes its new identity", async () => {
  const project = tempProject(exporting);
  try {
    assert.equal((await servedOrCompiled(project, "main.ts")).compiled, true);
    const greet = path.join(project.dir, "lib", "greet.ts");
    const recorded = (): string => (JSON.parse(readFileSync(manifestOf(project.cache), "utf8")) as { inputs: [string, string, string | null][] }).inputs.find(([file]) => file === "lib/greet.ts")![1];
    const identity = (): string => {
      const stat = statSync(greet);
      return `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
    };
    const past = new Date(Date.now() - 3_600_000);
    writeFileSync(greet, readFileSync(greet, "utf8"));
    utimesSync(greet, past, past);
    assert.notEqual(identity(), recorded(), "the rewrite gave the file a new identity");
    const served = await servedOrCompiled(project, "main.ts");
    assert.equal(served.compiled, false, "the same content is served");
    assert.equal(await greetingOf(served.build, project.dir), "hello");
    assert.equal(recorded(), identity(), "the manifest holds the file's identity now: the next run reads no content of it");
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
  }
});

test("an edit transforms only the edited file again; a copy of the project that shares the cache compiles nothing and keeps its own import.meta.url", async () => {
  const project = tempProject(exporting);
  const copy = mkdtempSync(path.join(tmpdir(), "run-ts-copy-"));
  try {
    await servedOrCompiled(project, "main.ts");
    const slots = path.join(project.cache, "transforms");
    const stamps = (): Map<string, number> => new Map(readdirSync(slots).map((name) => [name, statSync(path.join(slots, name)).mtimeMs]));
    const before = stamps();
    assert.equal(before.size, 3, "one slot per source file");

    writeFileSync(path.join(project.dir, "lib", "greet.ts"), 'export const greeting: string = "howdy";\nexport const greetingFrom = import.meta.url;\n');
    const edited = await servedOrCompiled(project, "main.ts");
    assert.equal(await greetingOf(edited.build, project.dir), "howdy");
    const after = stamps();
    assert.equal(after.size, 3, "the edited file's slot was replaced, not added to");
    assert.equal([...after].filter(([name, mtime]) => before.get(name) !== mtime).length, 1, "only the edited file was transformed again");

    // The copy shares the transforms and the builds through the cache; its module URLs are its own, which a run of the launcher shows.
    assert.equal((await servedOrCompiled(project, "print.ts")).compiled, true);
    for (const name of ["package.json", "main.ts", "print.ts", "lib/greet.ts", "lib/where.ts", "data.txt"]) {
      mkdirSync(path.dirname(path.join(copy, name)), { recursive: true });
      writeFileSync(path.join(copy, name), readFileSync(path.join(project.dir, name)));
    }
    const manifests = [manifestOf(project.cache, "main"), manifestOf(project.cache, "print")];
    const built = manifests.map((manifest) => readFileSync(manifest, "utf8"));
    const copied = await servedOrCompiled({ dir: copy, cache: project.cache }, "main.ts");
    assert.equal(copied.compiled, false, "the copy compiled nothing");
    assert.equal(copied.build.dir, edited.build.dir, "the copy is served the project's build");
    const run = launchIn(copy, project.cache, [path.join(copy, "print.ts")]);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as Exported["report"];
    assert.equal(report.url, pathToFileURL(path.join(copy, "main.ts")).href);
    assert.equal(report.where, pathToFileURL(path.join(copy, "lib", "where.ts")).href);
    assert.deepEqual(stamps(), after, "the copy transformed nothing");
    assert.deepEqual(manifests.map((manifest) => readFileSync(manifest, "utf8")), built, "the copy's run compiled nothing");
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
    rmSync(copy, { recursive: true, force: true });
  }
});

test("a copy whose sources differ keeps a build of its own beside the project's: neither compiles again after the other ran", async () => {
  const project = tempProject(exporting);
  const copy = { dir: mkdtempSync(path.join(tmpdir(), "run-ts-copy-")), cache: project.cache };
  try {
    for (const name of ["package.json", "main.ts", "lib/where.ts", "data.txt"]) {
      mkdirSync(path.dirname(path.join(copy.dir, name)), { recursive: true });
      writeFileSync(path.join(copy.dir, name), readFileSync(path.join(project.dir, name)));
    }
    writeFileSync(path.join(copy.dir, "lib", "greet.ts"), 'export const greeting: string = "howdy";\n');

    const projectBuild = await servedOrCompiled(project, "main.ts");
    const copyBuild = await servedOrCompiled(copy, "main.ts");
    assert.deepEqual([projectBuild.compiled, copyBuild.compiled], [true, true]);
    assert.equal(await greetingOf(projectBuild.build, project.dir), "hello");
    assert.equal(await greetingOf(copyBuild.build, copy.dir), "howdy");
    const manifest = manifestOf(project.cache);
    const last = readFileSync(manifest, "utf8");
    const builds = readdirSync(path.dirname(manifest)).filter((name) => /^[0-9a-f]{16}$/.test(name));
    assert.equal(builds.length, 2, "one build each");

    for (const [tree, build] of [[project, projectBuild], [copy, copyBuild]] as const) {
      const again = await servedOrCompiled(tree, "main.ts");
      assert.equal(again.compiled, false, `${tree === project ? "the project" : "the copy"} compiled again`);
      assert.equal(again.build.dir, build.build.dir);
    }
    assert.equal(readFileSync(manifest, "utf8"), last, "nothing was compiled again");
    assert.deepEqual(readdirSync(path.dirname(manifest)).filter((name) => /^[0-9a-f]{16}$/.test(name)), builds);
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
    rmSync(copy.dir, { recursive: true, force: true });
  }
});

test("a compile keeps the builds a run would try before compiling, however old, and removes older unused ones", async () => {
  const project = tempProject(exporting);
  try {
    await servedOrCompiled(project, "main.ts");
    const entryDir = path.dirname(manifestOf(project.cache));
    const first = (JSON.parse(readFileSync(manifestOf(project.cache), "utf8")) as { dir: string }).dir;
    // Nine other builds, last used an hour ago and earlier, and the first build older than all of them.
    const hour = Date.now() / 1000 - 3600;
    const others = Array.from({ length: 9 }, (_, i) => `${"0".repeat(15)}${i}`);
    others.forEach((name, i) => {
      mkdirSync(path.join(entryDir, name));
      utimesSync(path.join(entryDir, name), hour - i * 60, hour - i * 60);
    });
    utimesSync(path.join(entryDir, first), hour - 7200, hour - 7200);
    writeFileSync(path.join(project.dir, "lib", "greet.ts"), 'export const greeting: string = "howdy";\nexport const greetingFrom = import.meta.url;\n');
    assert.equal((await servedOrCompiled(project, "main.ts")).compiled, true);
    const left = new Set(readdirSync(entryDir));
    assert.deepEqual(others.map((name) => left.has(name)), [true, true, true, true, true, true, true, true, false], "the eight used last are kept, the ninth is removed");
    assert.equal(left.has(first), false, "the oldest build is removed");
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
  }
});

test("a source that starts reading import.meta after an edit gets its own URL, though the build before left it to esbuild", async () => {
  // The plugin reads only the sources that read import.meta in the last build; the others esbuild compiles without a round trip.
  const project = tempProject({
    "main.ts": 'export { where } from "./lib/later.ts";\n',
    "lib/later.ts": 'export const where: string = "nowhere";\n',
  });
  try {
    assert.equal((await load<{ where: string }>((await servedOrCompiled(project, "main.ts")).build, project.dir)).where, "nowhere");
    writeFileSync(path.join(project.dir, "lib", "later.ts"), "export const where: string = import.meta.url;\n");
    const edited = await servedOrCompiled(project, "main.ts");
    assert.equal((await load<{ where: string }>(edited.build, project.dir)).where, pathToFileURL(path.join(project.dir, "lib", "later.ts")).href);
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
  }
});

test("an entry that imports modules lazily runs itself, not one of its lazy chunks", () => {
  // esbuild makes each lazily imported module an entry point of its own chunk and does
  // not promise an order; taking the first entry point once ran such a chunk instead.
  const project = tempProject({
    "z-main.ts": 'const { word } = await import("./a-lazy.ts");\nconsole.log(`main ran with ${word}`);\n',
    "a-lazy.ts": 'export const word = "lazy";\n',
  });
  try {
    const run = project.run("z-main.ts");
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), "main ran with lazy");
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
  }
});

test("a source that does not compile fails the run, naming the file, line and column, without a stack trace", () => {
  const project = tempProject({ ...sources, "lib/greet.ts": "export const greeting: string = ;\n" });
  try {
    const run = project.run("main.ts");
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^run-ts: cannot compile main\.ts:\n {2}lib\/greet\.ts:1:33: /);
    assert.doesNotMatch(run.stderr, /^\s+at /m);
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
  }
});

// An entry whose import of a generated file can be missing, and a restorer that writes it.
const withGenerated = {
  "main.ts": 'import { words } from "./generated/words.ts";\nconsole.log(words.join(" "));\n',
  "restore.ts": 'import { mkdirSync, writeFileSync } from "node:fs";\nmkdirSync(new URL("./generated/", import.meta.url), { recursive: true });\nwriteFileSync(new URL("./generated/words.ts", import.meta.url), "export const words = [\\"restored\\", \\"first\\"];\\n");\n',
};

test("a missing generated file is named with the import that needs it and the command that writes it", () => {
  const project = tempProject(withGenerated);
  try {
    const run = project.run("main.ts");
    assert.equal(run.status, 1);
    assert.match(run.stderr, /main\.ts:1:23: generated\/words\.ts is missing/);
    assert.match(run.stderr, /`npm run gen`/);
    assert.equal(existsSync(path.join(project.dir, "generated", "words.ts")), false, "nothing was restored without --restore-generated");
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
  }
});

test("with --restore-generated, a missing generated file is restored first and the entry then runs", () => {
  const project = tempProject(withGenerated);
  try {
    const run = project.launch("--restore-generated", path.join(project.dir, "restore.ts"), path.join(project.dir, "main.ts"), "--flag");
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), "restored first");
    assert.match(run.stderr, /generated\/words\.ts is missing; restoring with /);
    // Present now: the restorer is not run again.
    const again = project.launch("--restore-generated", path.join(project.dir, "restore.ts"), path.join(project.dir, "main.ts"));
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stderr, "");
    // Deleted again, a file the last build was compiled from: restored before any compile (one would only fail on it),
    // as the same bytes, so the build compiled from them serves and esbuild is not even loaded.
    const buildOf = (): string => (JSON.parse(readFileSync(manifestOf(project.cache, "main"), "utf8")) as { dir: string }).dir;
    const compiled = buildOf();
    rmSync(path.join(project.dir, "generated", "words.ts"));
    const hook = path.join(project.dir, "esbuild-loaded.cjs");
    writeFileSync(hook, 'process.on("exit", () => { if (Object.keys(require.cache).some((file) => file.includes("/esbuild/"))) process.stderr.write("esbuild was loaded\\n"); });\n');
    const restoredAgain = launchIn(project.dir, project.cache, ["--restore-generated", path.join(project.dir, "restore.ts"), path.join(project.dir, "main.ts")], { NODE_OPTIONS: `--require ${hook}` });
    assert.equal(restoredAgain.stdout.trim(), "restored first", restoredAgain.stderr);
    assert.match(restoredAgain.stderr, /^run-ts: generated\/words\.ts is missing; restoring with /);
    assert.doesNotMatch(restoredAgain.stderr, /esbuild was loaded/, "nothing was compiled, not even a compile that fails");
    assert.equal(buildOf(), compiled, "the kept build was used");
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
  }
});

// A restorer as gen's: rewrites the generated file when it differs, exits 2 when it was current.
const currentWords = 'export const words = ["restored", "first"];\n';
const rewritingRestorer = [
  'import { readFileSync, writeFileSync } from "node:fs";',
  'const file = new URL("./generated/words.ts", import.meta.url);',
  `const want = ${JSON.stringify(currentWords)};`,
  'let have = "";',
  "try { have = readFileSync(file, \"utf8\"); } catch {}",
  'if (have === want) process.exitCode = 2; else { writeFileSync(file, want); console.error("rewrote generated/words.ts"); }',
  "",
].join("\n");

test("with --restore-generated, a stale or broken generated file is rewritten and the entry then runs", () => {
  for (const broken of ["export const other = 1;\n", "<<<<<<< HEAD\nexport const words = [];\n=======\n>>>>>>> other\n"]) {
    const project = tempProject({ ...withGenerated, "restore.ts": rewritingRestorer, "generated/words.ts": broken });
    try {
      const run = project.launch("--restore-generated", path.join(project.dir, "restore.ts"), path.join(project.dir, "main.ts"));
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout.trim(), "restored first");
      assert.match(run.stderr, /rewrote generated\/words\.ts/);
      assert.doesNotMatch(run.stderr, /is missing/);
    } finally {
      rmSync(project.dir, { recursive: true, force: true });
    }
  }
});

test("with --restore-generated and every generated file current, a compile error stands as it is", () => {
  const project = tempProject({ ...withGenerated, "restore.ts": rewritingRestorer, "generated/words.ts": currentWords, "main.ts": 'import { words } from "./generated/words.ts";\nconsole.log(words.join(" ")\n' });
  try {
    const run = project.launch("--restore-generated", path.join(project.dir, "restore.ts"), path.join(project.dir, "main.ts"));
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^run-ts: cannot compile main\.ts:\n {2}main\.ts:3:1: Expected "\)" but found end of file/);
    assert.doesNotMatch(run.stderr, /rewrote|restoring/);
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
  }
});

test("a restorer that fails leaves the compile error standing", () => {
  const project = tempProject({ ...withGenerated, "restore.ts": 'throw new Error("cannot restore");\n' });
  try {
    const run = project.launch("--restore-generated", path.join(project.dir, "restore.ts"), path.join(project.dir, "main.ts"));
    assert.equal(run.status, 1);
    assert.match(run.stderr, /cannot restore/);
    assert.match(run.stderr, /main\.ts:1:23: generated\/words\.ts is missing/);
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
  }
});

test("the kit records the same TypeScript lines in a compiled run as under tsx", () => {
  const registry = path.join(projectRoot, "workflows-src", "index.ts");
  // Tooling that builds workflows in a bundle hands the runner's mapper to the kit, as the pipeline does.
  const locations = path.join(projectRoot, "scripts", "run-ts", "kit-locations.ts");
  const project = tempProject({
    "sources.ts": [
      `import ${JSON.stringify(locations)};`,
      `import { workflows } from ${JSON.stringify(registry)};`,
      "console.log(JSON.stringify(workflows.map((build) => [...build().sources])));",
      "",
    ].join("\n"),
  });
  try {
    // The project's own cache: the registry's transforms are shared, and on a machine that ran this before, so is the build (none names the folder it ran in).
    const run = launchIn(project.dir, "", [path.join(project.dir, "sources.ts")]);
    assert.equal(run.status, 0, run.stderr);
    const expected = workflows.map((build) => [...build().sources]);
    assert.ok(expected.flat().some(([, where]) => /\.ts:\d+$/.test(where)), "the kit recorded lines");
    assert.deepEqual(JSON.parse(run.stdout), expected);
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
  }
});

test("declared vendored packages are compiled once into a package the build imports, one class per export; without it, the build is compiled again", async () => {
  const project = tempProject({
    "package.json": JSON.stringify({ type: "module", dependencies: { yaml: "*", "@actions/expressions": "*" } }),
    "main.ts": [
      'import { parse } from "yaml";',
      'import { Lexer, Parser } from "@actions/expressions";',
      'import { Binary } from "@actions/expressions/ast";',
      'const tokens = new Lexer("1 == 2").lex().tokens;',
      'export const found = { value: parse("a: 1").a, oneClass: new Parser(tokens, [], []).parse() instanceof Binary };',
      "",
    ].join("\n"),
  });
  try {
    symlinkSync(path.join(projectRoot, "node_modules"), path.join(project.dir, "node_modules"), "dir");
    const first = await servedOrCompiled(project, "main.ts");
    assert.deepEqual((await load<{ found: unknown }>(first.build, project.dir)).found, { value: 1, oneClass: true });
    const vendors = path.join(project.cache, "node_modules");
    const [vendor] = readdirSync(vendors);
    assert.match(vendor!, /^run-ts-vendor-[0-9a-f]{16}$/);
    const code = readdirSync(first.build.dir).filter((name) => name.endsWith(".mjs")).map((name) => readFileSync(path.join(first.build.dir, name), "utf8")).join("\n");
    assert.match(code, new RegExp(`from "${vendor}/\\d+"`), "the build imports the vendor package");
    assert.doesNotMatch(code, /composeScalar/, "yaml's code is not in the build");

    rmSync(path.join(vendors, vendor!), { recursive: true, force: true });
    assert.equal((await servedOrCompiled(project, "main.ts")).compiled, true, "a build whose vendor package is gone is not served");
    assert.deepEqual(readdirSync(vendors), [vendor], "the vendor package was made again");
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
  }
});

test("a build loaded for another project reads that project's root, by chunk, however late a chunk is evaluated", async () => {
  const project = tempProject({
    "main.ts": 'export const here = import.meta.url;\nexport const later = () => import("./late.ts").then((module) => module.here);\n',
    "late.ts": "export const here = import.meta.url;\n",
  });
  try {
    const main = await load<{ here: string; later: () => Promise<string> }>((await servedOrCompiled(project, "main.ts")).build, project.dir);
    assert.equal(main.here, pathToFileURL(path.join(project.dir, "main.ts")).href);
    // This process's own root stays what it was, and a lazy chunk evaluated now still finds the other project.
    assert.notEqual((globalThis as Record<symbol, unknown>)[Symbol.for(ROOT_KEY)], project.dir);
    assert.equal(await main.later(), pathToFileURL(path.join(project.dir, "late.ts")).href);
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
  }
});
