/**
 * The compiled-entry cache behind `npm run gen`/`check`: a TypeScript entry runs with
 * plain Node and behaves as under tsx (argv, `import.meta.url`-relative reads, stack
 * traces naming the `.ts` line, the kit's recorded source lines); an unchanged tree is
 * served from the cache, and an edited source is recompiled even when its size and
 * modification time are the same as before.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { workflows } from "../workflows-src/index.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const launcher = path.join(projectRoot, "scripts", "run-ts.mjs");

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
  const launch = (...argv: string[]): SpawnSyncReturns<string> => spawnSync(process.execPath, [launcher, ...argv], { cwd: dir, encoding: "utf8", env: { ...process.env, RUN_TS_CACHE: cache } });
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

test("an entry runs with its argv, its own import.meta.url and stack frames at the TypeScript line", () => {
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
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
  }
});

test("an unchanged tree is served from the cache; an edit of the same size and mtime is recompiled", () => {
  const project = tempProject(sources);
  try {
    assert.equal(project.run("main.ts").status, 0);
    const manifest = manifestOf(project.cache);
    const past = new Date(Date.now() - 3_600_000);
    utimesSync(manifest, past, past);
    const stamped = statSync(manifest).mtimeMs;
    assert.equal(JSON.parse(project.run("main.ts").stdout).greeting, "hello");
    assert.equal(statSync(manifest).mtimeMs, stamped, "a fresh cache is not rewritten");

    const greet = path.join(project.dir, "lib", "greet.ts");
    const before = statSync(greet);
    writeFileSync(greet, readFileSync(greet, "utf8").replace("hello", "howdy"));
    utimesSync(greet, before.atime, before.mtime);
    assert.equal(statSync(greet).size, before.size);
    const edited = project.run("main.ts");
    assert.equal(edited.status, 0, edited.stderr);
    assert.equal(JSON.parse(edited.stdout).greeting, "howdy");
    assert.notEqual(statSync(manifest).mtimeMs, stamped, "the edit was compiled into a new build");
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
  }
});

test("an edit transforms only the edited file again; a copy of the project that shares the cache compiles nothing and keeps its own import.meta.url", () => {
  const project = tempProject(sources);
  const copy = mkdtempSync(path.join(tmpdir(), "run-ts-copy-"));
  try {
    assert.equal(project.run("main.ts").status, 0);
    const slots = path.join(project.cache, "transforms");
    const stamps = (): Map<string, number> => new Map(readdirSync(slots).map((name) => [name, statSync(path.join(slots, name)).mtimeMs]));
    const before = stamps();
    assert.equal(before.size, 3, "one slot per source file");

    writeFileSync(path.join(project.dir, "lib", "greet.ts"), 'export const greeting: string = "howdy";\nexport const greetingFrom = import.meta.url;\n');
    assert.equal(JSON.parse(project.run("main.ts").stdout).greeting, "howdy");
    const after = stamps();
    assert.equal(after.size, 3, "the edited file's slot was replaced, not added to");
    assert.equal([...after].filter(([name, mtime]) => before.get(name) !== mtime).length, 1, "only the edited file was transformed again");

    // The copy shares the transforms and the builds through the cache; its module URLs are its own.
    for (const name of ["package.json", "main.ts", "lib/greet.ts", "lib/where.ts", "data.txt"]) {
      mkdirSync(path.dirname(path.join(copy, name)), { recursive: true });
      writeFileSync(path.join(copy, name), readFileSync(path.join(project.dir, name)));
    }
    const manifest = manifestOf(project.cache);
    const built = readFileSync(manifest, "utf8");
    const run = spawnSync(process.execPath, [launcher, path.join(copy, "main.ts")], { cwd: copy, encoding: "utf8", env: { ...process.env, RUN_TS_CACHE: project.cache } });
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { url: string; frame: string };
    assert.equal(report.url, pathToFileURL(path.join(copy, "main.ts")).href);
    assert.ok(report.frame.includes(`${pathToFileURL(path.join(copy, "lib", "where.ts")).href}:6:`), report.frame);
    assert.deepEqual(stamps(), after, "the copy transformed nothing");
    assert.equal(readFileSync(manifest, "utf8"), built, "the copy ran the project's build");
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
    rmSync(copy, { recursive: true, force: true });
  }
});

test("a copy whose sources differ keeps a build of its own beside the project's: neither compiles again after the other ran", () => {
  const project = tempProject(sources);
  const copy = mkdtempSync(path.join(tmpdir(), "run-ts-copy-"));
  try {
    for (const name of ["package.json", "main.ts", "lib/where.ts", "data.txt"]) {
      mkdirSync(path.dirname(path.join(copy, name)), { recursive: true });
      writeFileSync(path.join(copy, name), readFileSync(path.join(project.dir, name)));
    }
    writeFileSync(path.join(copy, "lib", "greet.ts"), 'export const greeting: string = "howdy";\n');
    const runCopy = () => spawnSync(process.execPath, [launcher, path.join(copy, "main.ts")], { cwd: copy, encoding: "utf8", env: { ...process.env, RUN_TS_CACHE: project.cache } });
    const greeting = (run: SpawnSyncReturns<string>) => (JSON.parse(run.stdout) as { greeting: string }).greeting;

    assert.equal(greeting(project.run("main.ts")), "hello");
    assert.equal(greeting(runCopy()), "howdy");
    const manifest = manifestOf(project.cache);
    const last = readFileSync(manifest, "utf8");
    const builds = readdirSync(path.dirname(manifest)).filter((name) => /^[0-9a-f]{16}$/.test(name));
    assert.equal(builds.length, 2, "one build each");

    for (const [run, expected] of [[() => project.run("main.ts"), "hello"], [runCopy, "howdy"]] as const) assert.equal(greeting(run()), expected);
    assert.equal(readFileSync(manifest, "utf8"), last, "nothing was compiled again");
    assert.deepEqual(readdirSync(path.dirname(manifest)).filter((name) => /^[0-9a-f]{16}$/.test(name)), builds);
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
    rmSync(copy, { recursive: true, force: true });
  }
});

test("a compile keeps the builds a run would try before compiling, however old, and removes older unused ones", () => {
  const project = tempProject(sources);
  try {
    assert.equal(project.run("main.ts").status, 0);
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
    assert.equal(JSON.parse(project.run("main.ts").stdout).greeting, "howdy");
    const left = new Set(readdirSync(entryDir));
    assert.deepEqual(others.map((name) => left.has(name)), [true, true, true, true, true, true, true, true, false], "the eight used last are kept, the ninth is removed");
    assert.equal(left.has(first), false, "the oldest build is removed");
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
  }
});

test("after an edit that moves code without changing it, stack frames name the new TypeScript line", () => {
  // The line tables of a build are reused for chunks whose source map is unchanged; a blank line changes the map, not the code.
  const project = tempProject(sources);
  try {
    assert.match(JSON.parse(project.run("main.ts").stdout).frame, /where\.ts:6:/);
    const where = path.join(project.dir, "lib", "where.ts");
    writeFileSync(where, `\n${readFileSync(where, "utf8")}`);
    const moved = project.run("main.ts");
    assert.equal(moved.status, 0, moved.stderr);
    assert.match(JSON.parse(moved.stdout).frame, /where\.ts:7:/);
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
  }
});

test("a source that starts reading import.meta after an edit gets its own URL, though the build before left it to esbuild", () => {
  // The plugin reads only the sources that read import.meta in the last build; the others esbuild compiles without a round trip.
  const project = tempProject({
    "main.ts": 'import { where } from "./lib/later.ts";\nconsole.log(where);\n',
    "lib/later.ts": 'export const where: string = "nowhere";\n',
  });
  try {
    assert.equal(project.run("main.ts").stdout.trim(), "nowhere");
    writeFileSync(path.join(project.dir, "lib", "later.ts"), "export const where: string = import.meta.url;\n");
    const edited = project.run("main.ts");
    assert.equal(edited.status, 0, edited.stderr);
    assert.equal(edited.stdout.trim(), pathToFileURL(path.join(project.dir, "lib", "later.ts")).href);
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
    // Deleted again, and restored as the same bytes: the build compiled from them serves, nothing is compiled again.
    const compiled = readFileSync(manifestOf(project.cache, "main"), "utf8");
    rmSync(path.join(project.dir, "generated", "words.ts"));
    const restoredAgain = project.launch("--restore-generated", path.join(project.dir, "restore.ts"), path.join(project.dir, "main.ts"));
    assert.equal(restoredAgain.stdout.trim(), "restored first", restoredAgain.stderr);
    assert.equal(readFileSync(manifestOf(project.cache, "main"), "utf8"), compiled, "the kept build was used");
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
    const run = spawnSync(process.execPath, [launcher, path.join(project.dir, "sources.ts")], { cwd: project.dir, encoding: "utf8", env: { ...process.env, RUN_TS_CACHE: "" } });
    assert.equal(run.status, 0, run.stderr);
    const expected = workflows.map((build) => [...build().sources]);
    assert.ok(expected.flat().some(([, where]) => /\.ts:\d+$/.test(where)), "the kit recorded lines");
    assert.deepEqual(JSON.parse(run.stdout), expected);
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
  }
});

test("declared vendored packages are compiled once into a package the build imports, one class per export; without it, the build is compiled again", () => {
  const project = tempProject({
    "package.json": JSON.stringify({ type: "module", dependencies: { yaml: "*", "@actions/expressions": "*" } }),
    "main.ts": [
      'import { parse } from "yaml";',
      'import { Lexer, Parser } from "@actions/expressions";',
      'import { Binary } from "@actions/expressions/ast";',
      'const tokens = new Lexer("1 == 2").lex().tokens;',
      'console.log(JSON.stringify({ value: parse("a: 1").a, oneClass: new Parser(tokens, [], []).parse() instanceof Binary }));',
      "",
    ].join("\n"),
  });
  try {
    symlinkSync(path.join(projectRoot, "node_modules"), path.join(project.dir, "node_modules"), "dir");
    const first = project.run("main.ts");
    assert.equal(first.status, 0, first.stderr);
    assert.deepEqual(JSON.parse(first.stdout), { value: 1, oneClass: true });
    const vendors = path.join(project.cache, "node_modules");
    const [vendor] = readdirSync(vendors);
    assert.match(vendor!, /^run-ts-vendor-[0-9a-f]{16}$/);
    const manifest = manifestOf(project.cache);
    const build = path.join(path.dirname(manifest), (JSON.parse(readFileSync(manifest, "utf8")) as { dir: string }).dir);
    const code = readdirSync(build).filter((name) => name.endsWith(".mjs")).map((name) => readFileSync(path.join(build, name), "utf8")).join("\n");
    assert.match(code, new RegExp(`from "${vendor}/\\d+"`), "the build imports the vendor package");
    assert.doesNotMatch(code, /composeScalar/, "yaml's code is not in the build");

    rmSync(path.join(vendors, vendor!), { recursive: true, force: true });
    const again = project.run("main.ts");
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(readdirSync(vendors), [vendor], "the vendor package was made again");
  } finally {
    rmSync(project.dir, { recursive: true, force: true });
  }
});

test("a build loaded for another project reads that project's root, by chunk, however late a chunk is evaluated", async () => {
  const runTs = (name: string): string => pathToFileURL(path.join(projectRoot, "scripts", "run-ts", name)).href;
  const { ROOT_KEY, ROOT_OF_KEY } = (await import(runTs("cache.mjs"))) as typeof import("../scripts/run-ts/cache.mjs");
  const { compile } = (await import(runTs("compile.mjs"))) as typeof import("../scripts/run-ts/compile.mjs");
  const project = tempProject({
    "main.ts": 'export const here = import.meta.url;\nexport const later = () => import("./late.ts").then((module) => module.here);\n',
    "late.ts": "export const here = import.meta.url;\n",
  });
  const global = globalThis as Record<symbol, unknown>;
  const saved = global[Symbol.for(ROOT_OF_KEY)];
  try {
    const build = await compile(path.join(project.dir, "main.ts"), project.cache);
    const folder = pathToFileURL(realpathSync(build.dir) + path.sep).href;
    global[Symbol.for(ROOT_OF_KEY)] = (url: string) => (url.startsWith(folder) ? project.dir : undefined);
    const main = (await import(pathToFileURL(path.join(build.dir, build.entry)).href)) as { here: string; later: () => Promise<string> };
    assert.equal(main.here, pathToFileURL(path.join(project.dir, "main.ts")).href);
    // This process's own root stays what it was, and a lazy chunk evaluated now still finds the other project.
    assert.notEqual(global[Symbol.for(ROOT_KEY)], project.dir);
    assert.equal(await main.later(), pathToFileURL(path.join(project.dir, "late.ts")).href);
  } finally {
    global[Symbol.for(ROOT_OF_KEY)] = saved;
    rmSync(project.dir, { recursive: true, force: true });
  }
});
