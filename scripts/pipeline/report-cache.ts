/**
 * Reports computed before, on this machine. A report is a function of its inputs (the
 * workflow text, the sources of the tooling that computes it, the locked
 * dependencies): its text is kept under `node_modules/.cache/charon-workflows/reports`
 * by the digest of those inputs, and reused while they are unchanged. The committed
 * report is never read back as a result — anyone can edit it — so `check` always
 * compares it with content computed (or remembered) here.
 */
import { createHash } from "node:crypto";
import { jsonCache, type JsonCache } from "../files/json-cache.ts";
import { treeDigest } from "../files/tree-digest.ts";

/** Digest of the given texts and of every file at the given project paths (files or folders). */
export function inputsDigest(projectRoot: string, texts: readonly string[], projectPaths: readonly string[]): string {
  return treeDigest(projectRoot, projectPaths, texts.map((text) => `${text.length}:${text}`).join(""));
}

/** A report's body as rendered, and whether it may be remembered (not when it depends on the machine's speed, see plan-cache.ts). */
export interface RenderedReport {
  readonly body: string;
  readonly remember: boolean;
}

/**
 * The body of the report `name` made from inputs with `digest`: remembered, or
 * rendered now and remembered when it may be. `cache` is for tests.
 */
export async function cachedReport(name: string, digest: string, render: () => Promise<RenderedReport>, cache: JsonCache<string> = jsonCache("reports", 200)): Promise<string> {
  const key = createHash("sha256").update(`${name}\0${digest}`).digest("hex").slice(0, 32);
  const remembered = cache.read(key);
  if (remembered !== undefined) return remembered;
  const { body, remember } = await render();
  if (remember) cache.write(key, body);
  return body;
}
