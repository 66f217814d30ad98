/**
 * Compiles a TypeScript entry into a cached bundle with esbuild. Each project module
 * keeps its own `import.meta.url` (file reads and project-root computations relative to
 * the module stay right), a table maps bundle positions back to TypeScript lines for
 * stack traces, packages stay external so lazy imports stay lazy, and a few small ones
 * come from a package all builds share (vendor.mjs). A source that reads `import.meta`
 * is transformed on its own and remembered (transform-cache.mjs), so a compile after an
 * edit transforms only what changed.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { buildManifestPath, digestOf, GENERATED_FOLDER, isRacy, manifestPath, markUsed, OTHER_BUILDS_TRIED, packageRoot, readJson, ROOT_KEY, ROOT_OF_KEY, stampOf, writeAtomically, writeFolder } from "./cache.mjs";
import { lineTable } from "./line-table.mjs";
import { cachedTransform } from "./transform-cache.mjs";
import { vendorPlugin, VENDORED_PACKAGES } from "./vendor.mjs";

const TARGET = "node20";

// Packages stay external and load from node_modules: wasm, packages that read their own
// files, and zod (gen and check skip it without flags). A few small ones on the path of
// gen and check are compiled once into a package all builds share (vendor.mjs).

// Bundled CommonJS code calls require() for Node's built-in modules. A module's
// `import.meta.url` is the URL of its source file, not of the chunk it lands in. Its
// transform names it by the module's path relative to the project root, spelled as a
// property name, and each chunk answers any such property with the URL of that file
// under the root the runner gives (`ROOT_KEY`, or `ROOT_OF_KEY` for a chunk of a build
// loaded for another project): neither names an absolute path, so copies of the
// project share transforms and builds.
const BANNER = [
  'import { createRequire as __runTsRequire } from "node:module";',
  'import { pathToFileURL as __runTsFileUrl } from "node:url";',
  "const require = __runTsRequire(import.meta.url);",
  `const __runTsRoot = globalThis[Symbol.for(${JSON.stringify(ROOT_OF_KEY)})]?.(import.meta.url) ?? globalThis[Symbol.for(${JSON.stringify(ROOT_KEY)})];`,
  `const __runTsModuleUrls = new Proxy({}, { get: (_, name) => __runTsFileUrl(__runTsRoot + ${JSON.stringify(path.sep)} + Buffer.from(name.slice(1), "hex").toString()).href });`,
].join(" ");

/** What a module's `import.meta.url` becomes: a property of the chunk's table named after its path relative to the root (hex, so any path is a name). */
const moduleUrl = (relative) => `__runTsModuleUrls.m${Buffer.from(relative).toString("hex")}`;

// Files that change what a build produces without being part of it.
const COMPILER_FILES = [
  fileURLToPath(new URL("./compile.mjs", import.meta.url)),
  fileURLToPath(new URL("./line-table.mjs", import.meta.url)),
  fileURLToPath(new URL("./transform-cache.mjs", import.meta.url)),
  fileURLToPath(new URL("./vendor.mjs", import.meta.url)),
  createRequire(import.meta.url).resolve("esbuild/package.json"),
];

const inNodeModules = (file) => file.split(path.sep).includes("node_modules");
/** The names of TypeScript sources. */
const TYPESCRIPT = /\.[cm]?ts$/;
/** A TypeScript source of the project (the plugin's province), not of a package. */
const isSource = (file) => TYPESCRIPT.test(file) && !inNodeModules(file);

/** The packages the project at `root` declares in its package.json. */
function declaredPackages(root) {
  const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  return [...new Set(["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"].flatMap((field) => Object.keys(manifest[field] ?? {})))];
}

/**
 * Compiles `entry` into `cacheDir` and records its inputs in the manifest. Further
 * entries (`also`) are compiled into the same build, sharing its chunks; the build
 * names each entry's file (`entries`, by path relative to the root). The transforms and
 * the vendor package are shared with the other entries of the cache folder that holds
 * `cacheDir` (see `cacheDirFor`).
 * @param {string} entry
 * @param {string} cacheDir
 * @param {{ also?: readonly string[], root?: string }} [options] `root`: the project the entries belong to (default: the entry's package)
 * @returns {Promise<import("./cache.mjs").Build>}
 */
export async function compile(entry, cacheDir, { also = [], root = packageRoot(entry) } = {}) {
  const first = await compileOnce(entry, cacheDir, also, root, pluginSources(cacheDir, root));
  // A source that reads import.meta now but did not before was compiled without its own URL, and a new one changed
  // just now has no digest to trust: compile again with every source read by the plugin, as the first compile of an entry is.
  return first ?? /** @type {import("./cache.mjs").Build} */ (await compileOnce(entry, cacheDir, also, root, undefined));
}

/**
 * The sources the plugin must read, relative to the root, or undefined for all (no
 * build before): those that read import.meta in the last build, and those that changed
 * too recently for their identity on disk to be trusted. The plugin digests the very
 * bytes it compiles; a source esbuild reads itself is digested after the build, and
 * only one that had not changed for a while can be.
 */
function pluginSources(cacheDir, root) {
  const last = readJson(manifestPath(cacheDir));
  if (!Array.isArray(last?.metaSources) || !Array.isArray(last?.inputs)) return undefined;
  const now = Date.now();
  const recent = last.inputs.flatMap(([relative]) => {
    const file = path.resolve(root, String(relative));
    const stamp = isSource(file) ? stampOf(file) : undefined;
    return stamp && isRacy(stamp.changedAt, now) ? [String(relative)] : [];
  });
  return [...new Set([...last.metaSources.map(String), ...recent])];
}

/**
 * One compile of the entries, with the plugin reading the sources in `transformed`
 * (relative to the root; all project sources when undefined). Undefined when a source
 * esbuild read itself reads import.meta or changed too recently to be digested: that
 * build is not to be used.
 * @returns {Promise<import("./cache.mjs").Build | undefined>}
 */
async function compileOnce(entry, cacheDir, also, root, transformed) {
  const tsconfigFile = path.join(root, "tsconfig.json");
  const tsconfigRaw = existsSync(tsconfigFile) ? readFileSync(tsconfigFile, "utf8") : undefined;
  const builtAt = Date.now();
  /** @type {Map<string, import("./cache.mjs").Input>} project sources: stamped before they are read, digests of the very bytes compiled */
  const compiled = new Map();
  /** @type {Set<string>} the sources read by the plugin that read import.meta, relative to the root */
  const readsMeta = new Set();
  // Matched by esbuild itself, so the other sources cost no round trip to this process.
  const filter = !transformed ? TYPESCRIPT : transformed.length ? new RegExp(`^(?:${transformed.map((relative) => escapeRegExp(path.resolve(root, relative))).join("|")})$`) : /^$/;

  const projectSources = {
    name: "project-sources",
    setup(build) {
      build.onLoad({ filter }, async ({ path: file }) => {
        if (inNodeModules(file)) return undefined;
        const stamp = stampOf(file);
        const bytes = readFileSync(file);
        const digest = digestOf(bytes);
        compiled.set(file, [file, stamp?.stamp ?? "", digest]);
        const text = bytes.toString("utf8");
        // Most modules never read import.meta: esbuild compiles their TypeScript itself, with
        // source maps of its own, which costs less than composing a transform's inline
        // source map (a tenth of a compile after an edit).
        if (!text.includes("import.meta")) return { contents: text, loader: "ts" };
        const relative = path.relative(root, file);
        readsMeta.add(relative);
        const result = await cachedTransform(path.dirname(cacheDir), relative, text, digest, {
          loader: "ts",
          format: "esm",
          target: TARGET,
          // The source map names the file by its name alone; the bundle finds it in the folder of the module.
          sourcefile: path.basename(file),
          sourcemap: "inline",
          define: { "import.meta.url": moduleUrl(relative) },
          ...(tsconfigRaw === undefined ? {} : { tsconfigRaw }),
        });
        if ("code" in result) return { contents: result.code, loader: "js" };
        // A syntax error is reported at its own place, not as a failure of the import.
        return { errors: result.errors.map((error) => (error.location ? { ...error, location: { ...error.location, file } } : error)) };
      });
    },
  };

  const declared = declaredPackages(root);
  const vendor = vendorPlugin(root, declared, path.dirname(cacheDir));
  const outdir = path.join(cacheDir, "out");
  const result = await bundle({
    absWorkingDir: root,
    entryPoints: [entry, ...also],
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: TARGET,
    outdir,
    outExtension: { ".js": ".mjs" },
    write: false,
    metafile: true,
    sourcemap: "external",
    sourcesContent: false,
    logLevel: "silent",
    banner: { js: BANNER },
    // The project's declared packages stay external, as esbuild patterns (matched natively, without a round trip per import).
    external: declared.filter((name) => !VENDORED_PACKAGES.includes(name)).flatMap((name) => [name, `${name}/*`]),
    plugins: [vendor.plugin, projectSources],
  });

  const inputFiles = [...Object.keys(result.metafile.inputs).map((input) => path.resolve(root, input)), ...COMPILER_FILES, ...(await vendor.inputs())];
  if (tsconfigRaw !== undefined) inputFiles.push(tsconfigFile);
  let missed = false;
  /** @type {import("./cache.mjs").Input[]} */
  const inputs = [...new Set(inputFiles)].map((file) => {
    const [, stamp, digest, text] = compiled.get(file) ?? readInput(file, builtAt);
    if (text !== undefined && isSource(file) && (digest === null || text.includes("import.meta"))) missed = true;
    return [path.relative(root, file), stamp, digest];
  });
  if (missed) return undefined;

  const files = new Map();
  const maps = new Map();
  for (const output of result.outputFiles) {
    const name = path.relative(outdir, output.path);
    if (name.endsWith(".map")) maps.set(name.slice(0, -".map".length), output.text);
    else files.set(name, output.contents);
  }
  // A chunk an edit did not touch has the same map as in the previous build: its table is kept, not decoded again.
  const previous = previousTables(cacheDir);
  const lines = {};
  for (const [name, text] of maps) {
    const map = digestOf(text);
    // A map names its sources relative to its own folder (an entry may lie in a folder below outdir).
    const folder = path.dirname(path.join(outdir, name));
    lines[name] = previous.get(map) ?? { map, ...lineTable(JSON.parse(text), (source) => path.resolve(folder, source), inNodeModules, root) };
  }
  files.set("lines.json", Buffer.from(JSON.stringify(lines)));

  const digest = createHash("sha1");
  for (const [name, contents] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) digest.update(name).update(contents);
  const buildName = digest.digest("hex").slice(0, 16);
  const dir = path.join(cacheDir, buildName);
  publish(dir, files);

  // Lazily imported modules are entry points of their own chunks too: match the ones asked for.
  const entries = {};
  for (const source of [entry, ...also]) {
    const output = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint !== undefined && path.resolve(root, output.entryPoint) === source);
    if (!output) throw new Error(`run-ts: esbuild produced no entry for "${source}"`);
    entries[path.relative(root, source)] = path.relative(outdir, path.resolve(root, output[0]));
  }
  /** @type {import("./cache.mjs").Manifest} */
  const manifest = { builtAt, inputs, dir: buildName, entry: entries[path.relative(root, entry)], entries, metaSources: [...readsMeta].sort() };
  writeAtomically(buildManifestPath(cacheDir, buildName), JSON.stringify(manifest));
  writeAtomically(manifestPath(cacheDir), JSON.stringify(manifest));
  prune(cacheDir, buildName);
  return { dir, entry: manifest.entry, entries };
}

/** `text` as a regular expression that matches it literally. */
const escapeRegExp = (text) => text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");

/** Why an entry could not be compiled: esbuild's messages, and the generated files it imports that are missing. */
export class CompileError extends Error {
  /**
   * @param {string} message
   * @param {string[]} missingGenerated project-relative paths under generated/
   */
  constructor(message, missingGenerated) {
    super(message);
    this.name = "CompileError";
    this.missingGenerated = missingGenerated;
  }
}

/**
 * esbuild.build, with a failure turned into a `CompileError` that names each place (no
 * esbuild stack trace). An import of a generated file that is not there is named as
 * such, so the runner can have it restored (see run-ts.mjs) or name the command that
 * writes it.
 */
async function bundle(options) {
  try {
    return await esbuild.build(options);
  } catch (error) {
    if (!Array.isArray(error?.errors)) throw error;
    const root = options.absWorkingDir;
    const where = (file) => (path.isAbsolute(file) ? path.relative(root, file) : file);
    const missing = new Set();
    const places = error.errors.map(({ text, location }) => {
      if (!location) return text;
      const generated = missingGenerated(root, text, location);
      if (generated) missing.add(generated);
      return `${where(location.file)}:${location.line}:${location.column + 1}: ${generated ? `${generated} is missing` : text}`;
    });
    throw new CompileError(`cannot compile ${path.relative(root, options.entryPoints[0])}:\n${places.map((place) => `  ${place}`).join("\n")}`, [...missing]);
  }
}

/**
 * The project-relative path of the generated file an unresolved import at `location`
 * names. The place of an unresolved import spans the quoted specifier, which is read
 * from the located line rather than from the message. The file is not looked for
 * again: another gen beside this one may have restored it since esbuild missed it,
 * and then compiling again succeeds.
 * @param {string} root
 * @param {string} text esbuild's message
 * @param {import("esbuild").Location} location
 */
function missingGenerated(root, text, location) {
  if (!text.startsWith("Could not resolve")) return undefined;
  const specifier = location.lineText.slice(location.column + 1, location.column + location.length - 1);
  if (!/^\.\.?\//.test(specifier)) return undefined;
  const file = path.resolve(root, path.dirname(location.file), specifier);
  if (!file.startsWith(path.join(root, GENERATED_FOLDER) + path.sep)) return undefined;
  return path.relative(root, file).split(path.sep).join("/");
}

/**
 * The line tables of the entry's current build by the digest of the source map each was
 * made from (`map`), or none.
 * @returns {Map<string, import("./line-table.mjs").LineTable & { map: string }>}
 */
function previousTables(cacheDir) {
  const dir = readJson(manifestPath(cacheDir))?.dir;
  const tables = typeof dir === "string" ? readJson(path.join(cacheDir, dir, "lines.json")) : undefined;
  return new Map(Object.values(tables ?? {}).map((table) => [table.map, table]));
}

// A file esbuild read itself: stamped now, with its text. One that changed around the
// build may differ from what was compiled, so it gets no digest and the next run
// compiles again.
/** @returns {[...import("./cache.mjs").Input, string | undefined]} */
function readInput(file, builtAt) {
  const stamp = stampOf(file);
  if (!stamp) return [file, "", null, undefined];
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    return [file, stamp.stamp, null, undefined];
  }
  return [file, stamp.stamp, isRacy(stamp.changedAt, builtAt) ? null : digestOf(bytes), bytes.toString("utf8")];
}

// Concurrent runs may compile the same entry (see writeFolder).
function publish(dir, files) {
  if (existsSync(dir)) return markUsed(dir);
  writeFolder(dir, files);
}

// Builds no run has used for a while are removed with their manifests (a run marks the
// build it uses, see cache.mjs); a run that is still loading modules lazily from one
// uses it recently. The builds a run would try before compiling are kept whatever
// their age: a test or benchmark that edits a copy of the project the same way each
// time finds its build again an hour later.
function prune(cacheDir, keep) {
  const cutoff = Date.now() - 10 * 60_000;
  const folders = readdirSync(cacheDir)
    .filter((name) => name !== keep && name !== "manifest.json")
    .map((name) => ({ name, stat: statSync(path.join(cacheDir, name)) }))
    .filter(({ stat }) => stat.isDirectory())
    .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs);
  const tried = new Set(folders.filter(({ name }) => /^[0-9a-f]{16}$/.test(name)).slice(0, OTHER_BUILDS_TRIED).map(({ name }) => name));
  for (const { name, stat } of folders) {
    if (!tried.has(name) && stat.mtimeMs < cutoff) rmSync(path.join(cacheDir, name), { recursive: true, force: true });
  }
  for (const name of readdirSync(cacheDir)) {
    const build = /^([0-9a-f]{16})\.json$/.exec(name)?.[1];
    if (build && !existsSync(path.join(cacheDir, build))) rmSync(path.join(cacheDir, name), { force: true });
  }
}
