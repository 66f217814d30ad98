/**
 * Project sources that read `import.meta`, as esbuild transformed them (each with its
 * own URL, see compile.mjs), remembered between compiles: after an edit, only the
 * edited files are transformed again. One slot per source file, named by its path
 * relative to the project root, holds the transform of the last content seen there, so
 * the cache never grows past one entry per file. A slot is used only when its key (esbuild's version,
 * the transform options and the content's digest) is the one asked for.
 *
 * The slots live in the cache folder (`transforms/`, beside the entries' folders). The
 * options name no absolute path (see compile.mjs), so every tree of the project that
 * uses this cache shares them: copies that link its packages, and the trees of other
 * commits that `npm run review` builds.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import * as esbuild from "esbuild";
import { readJson, writeAtomically } from "./cache.mjs";

/**
 * The transform of `source` (the content of the file at `relative`, whose digest is
 * `digest`) with `options`: remembered in the cache folder `cache`, or computed and
 * remembered there. A source that does not compile gives esbuild's messages and is not
 * remembered.
 * @param {string} cache  the cache folder (the slots are its `transforms/`)
 * @param {string} relative  the file's path relative to the project root
 * @param {string} source
 * @param {string} digest
 * @param {import("esbuild").TransformOptions} options
 * @returns {Promise<{ code: string } | { errors: import("esbuild").Message[] }>}
 */
export async function cachedTransform(cache, relative, source, digest, options) {
  const key = createHash("sha1").update(`${esbuild.version}\0${JSON.stringify(options)}\0${digest}`).digest("hex");
  const slot = path.join(cache, "transforms", `${createHash("sha1").update(relative).digest("hex").slice(0, 20)}.json`);
  /** @type {{ key: string, code: string } | undefined} */
  const known = readJson(slot);
  if (known?.key === key) return { code: known.code };
  let result;
  try {
    result = await esbuild.transform(source, options);
  } catch (error) {
    if (!Array.isArray(error?.errors)) throw error;
    return { errors: error.errors };
  }
  // Compiles running at once may fill the same slot.
  writeAtomically(slot, JSON.stringify({ key, code: result.code }));
  return { code: result.code };
}
