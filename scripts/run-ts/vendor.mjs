/**
 * Small pure-JavaScript packages on the path of gen and check, compiled once into a
 * package of their own that every build imports. Loading them from node_modules costs
 * Node resolving and reading their many files in each process (0.13 s of CPU more for
 * lint or plan), and compiling them into each build cost esbuild half of a compile
 * after a one-line edit. So they are bundled once per installed version, into
 * `node_modules/run-ts-vendor-<key>/` under the cache folder, and a build imports them
 * by a bare specifier that Node resolves by walking up from the build, as it does any
 * package. The specifiers share one build with split chunks, so a class a package
 * exports from two of them (an expression node of `@actions/expressions` and of its
 * `/ast`) is one class.
 *
 * GitHub's workflow parser is among them for a second reason: it imports its schema as
 * JSON without an import attribute, which plain Node refuses.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import { digestOf, writeFolder } from "./cache.mjs";

/** Every specifier of the vendored packages that project code imports. */
export const VENDORED = ["yaml", "diff", "zod", "@actions/expressions", "@actions/expressions/ast", "@actions/expressions/result", "@actions/workflow-parser", "@github-actions-workflow-ts/lib"];

/** The vendored packages' names. */
export const VENDORED_PACKAGES = [...new Set(VENDORED.map(packageOf))];

const THIS_FILE = fileURLToPath(import.meta.url);
/** Marks the vendor's own resolution of a specifier, which the plugin must not turn into the vendor. */
const LOOKUP = Symbol("vendor lookup");

/** The package a specifier names: its scope and name. */
function packageOf(specifier) {
  return specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
}

/** Whether Node loads `file` as CommonJS: a .cjs file, or a .js file whose nearest package.json does not say "module". */
function isCommonJs(file) {
  if (file.endsWith(".cjs")) return true;
  if (!file.endsWith(".js")) return false;
  for (let dir = path.dirname(file); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, "utf8")).type !== "module";
  }
  return true;
}

/**
 * An esbuild plugin for a build of the project at `root`, which declares the packages
 * `declared`, cached in the cache folder `cache`: each import of a vendored specifier of
 * a declared package becomes an import of the vendor package (in `cache/node_modules`,
 * where Node finds it walking up from the build), which is compiled first when it is
 * missing (a package the project does not declare is bundled as any code). `inputs()`
 * lists the files a build that imports it depends on: the vendor's package.json (gone,
 * the build is compiled again) and the vendored packages' own.
 */
export function vendorPlugin(root, declared, cache) {
  const packages = VENDORED_PACKAGES.filter((name) => declared.includes(name));
  const imports = new RegExp(`^(${packages.map((name) => name.replace(/[/.]/g, "\\$&")).join("|")})(/.*)?$`);
  /** @type {Promise<string> | undefined} the vendor package's name */
  let vendor;
  let used = false;
  const plugin = {
    name: "vendored-packages",
    setup(build) {
      if (packages.length === 0) return;
      build.onResolve({ filter: imports }, async ({ path: specifier, importer, pluginData }) => {
        // The vendor's own lookups of the packages (below), and imports inside packages, resolve as usual.
        if (pluginData === LOOKUP || importer.split(path.sep).includes("node_modules")) return undefined;
        const index = VENDORED.indexOf(specifier);
        if (index < 0) return { errors: [{ text: `"${specifier}" is not among the vendored specifiers; add it to VENDORED in scripts/run-ts/vendor.mjs` }] };
        used = true;
        vendor ??= vendorPackage(root, packages, cache, build.resolve.bind(build));
        return { path: `${await vendor}/${index}`, external: true };
      });
    },
  };
  const inputs = async () => (used ? [path.join(cache, "node_modules", await vendor, "package.json"), ...packages.map((name) => path.join(root, "node_modules", name, "package.json"))] : []);
  return { plugin, inputs };
}

/**
 * The name of the vendor package for `packages` (vendored ones the project declares) as
 * installed under `root`, compiled now into `cache/node_modules` when it is not there. Its key is the digest of
 * what it is made from: this file, esbuild's version and each package's package.json.
 * Each specifier's entry is named by its place in VENDORED.
 */
async function vendorPackage(root, packages, cache, resolve) {
  const made = [readFileSync(THIS_FILE, "utf8"), esbuild.version, ...packages.map((name) => readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8"))];
  const name = `run-ts-vendor-${digestOf(made.join("\0")).slice(0, 16)}`;
  const dir = path.join(cache, "node_modules", name);
  if (existsSync(dir)) return name;

  // An ES module's exports are named in its code, and `export *` keeps them. Node names
  // a CommonJS package's exports (yaml's) when it imports it, but a bundle of `export *`
  // from one names none: its entry re-exports, by name, what Node sees.
  /** @type {Map<number, string>} the entry of each specifier, by its place in VENDORED */
  const entries = new Map();
  for (const [index, specifier] of VENDORED.entries()) {
    if (!packages.includes(packageOf(specifier))) continue;
    const resolved = await resolve(specifier, { kind: "import-statement", resolveDir: root, pluginData: LOOKUP });
    if (resolved.errors.length) throw new Error(`run-ts: cannot resolve "${specifier}" from ${root}: ${resolved.errors[0].text}; run \`npm ci\``);
    if (!isCommonJs(resolved.path)) {
      entries.set(index, `export * from ${JSON.stringify(specifier)};\n`);
      continue;
    }
    const names = Object.keys(await import(pathToFileURL(resolved.path).href));
    entries.set(index, `export { ${names.map((name) => (name === "default" ? "default" : `${JSON.stringify(name)} as ${JSON.stringify(name)}`)).join(", ")} } from ${JSON.stringify(specifier)};\n`);
  }
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [...entries.keys()].map((index) => ({ in: `vendor-entry:${index}`, out: String(index) })),
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outdir: path.join(dir, "out"),
    outExtension: { ".js": ".mjs" },
    write: false,
    logLevel: "silent",
    // Bundled CommonJS code calls require() for Node's built-in modules.
    banner: { js: 'import { createRequire as __vendorRequire } from "node:module"; const require = __vendorRequire(import.meta.url);' },
    plugins: [
      {
        name: "vendor-entries",
        setup(build) {
          build.onResolve({ filter: /^vendor-entry:\d+$/ }, ({ path: entry }) => ({ path: entry, namespace: "vendor-entry" }));
          build.onLoad({ filter: /.*/, namespace: "vendor-entry" }, ({ path: entry }) => ({ contents: entries.get(Number(entry.split(":")[1])), resolveDir: root, loader: "js" }));
        },
      },
    ],
  });
  const files = new Map(result.outputFiles.map((output) => [path.relative(dir, output.path), output.contents]));
  const exports = Object.fromEntries([...entries.keys()].map((index) => [`./${index}`, `./out/${index}.mjs`]));
  files.set("package.json", Buffer.from(JSON.stringify({ name, private: true, type: "module", exports })));
  // Runs at once may make the same package.
  writeFolder(dir, files);
  return name;
}
