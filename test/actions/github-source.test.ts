import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseActionManifest } from "../../scripts/actions/action-manifest.ts";
import { syncActionsCommand } from "../../scripts/actions/sync-command.ts";
import { pinnedProject } from "../support/pinned-project.ts";

const fixtures = fileURLToPath(new URL("../fixtures/action-metadata", import.meta.url));
const COMMIT = "3333333333333333333333333333333333333333";

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

const OTHER_COMMIT = "4444444444444444444444444444444444444444";
const TAG_OBJECT = "5555555555555555555555555555555555555555";

/** What the stand-in's tags point at: `owner/repo@tag` → git object. */
const tags: Record<string, { type: string; sha: string }> = {
  "acme/widget@v2.0.0": { type: "commit", sha: COMMIT },
  "acme/missing@v2.0.0": { type: "commit", sha: COMMIT },
  "acme/widget@v3.0.0": { type: "tag", sha: TAG_OBJECT },
  "acme/moved@v2.0.0": { type: "commit", sha: OTHER_COMMIT },
  "acme/tree@v2.0.0": { type: "tree", sha: OTHER_COMMIT },
};
/** Annotated tag objects: sha → what they point at. */
const tagObjects: Record<string, { type: string; sha: string }> = { [TAG_OBJECT]: { type: "commit", sha: COMMIT } };

/**
 * A stand-in for GitHub's API on 127.0.0.1: serves the fixture files for
 * `/repos/<owner>/<repo>/contents/<path>?ref=<COMMIT>`, the tags above under
 * `/repos/<owner>/<repo>/git/ref/tags/<tag>` and `/git/tags/<sha>`, 404 otherwise,
 * and answers 403 for the `forbidden` owner.
 */
async function fakeGithub(run: (apiUrl: string, seen: Seen[]) => Promise<void>): Promise<void> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    seen.push({ url: request.url ?? "", headers: request.headers });
    const url = new URL(request.url ?? "/", "http://localhost");
    const json = (body: unknown) => void response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (url.pathname.startsWith("/repos/forbidden/")) return void response.writeHead(403).end("{}");
    const ref = /^\/repos\/([^/]+\/[^/]+)\/git\/ref\/tags\/(.+)$/.exec(url.pathname);
    if (ref) {
      const object = tags[`${ref[1]}@${decodeURIComponent(ref[2] ?? "")}`];
      return object ? json({ ref: `refs/tags/${ref[2]}`, object }) : void response.writeHead(404).end("{}");
    }
    const tagObject = /^\/repos\/[^/]+\/[^/]+\/git\/tags\/([0-9a-f]{40})$/.exec(url.pathname);
    if (tagObject) {
      const object = tagObjects[tagObject[1] ?? ""];
      return object ? json({ sha: tagObject[1], object }) : void response.writeHead(404).end("{}");
    }
    const match = /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(url.pathname);
    const file = match ? path.join(fixtures, match[1] ?? "", match[2] ?? "", decodeURIComponent(match[3] ?? "")) : "";
    if (!match || url.searchParams.get("ref") !== COMMIT || !existsSync(file)) return void response.writeHead(404).end("{}");
    response.writeHead(200, { "content-type": "application/vnd.github.raw+json" }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

test("--github reads each action's metadata at its pinned commit, with the token from the environment", async () => {
  await fakeGithub(async (apiUrl, seen) => {
    const project = pinnedProject({ "acme/widget": COMMIT, "acme/widget/lint": COMMIT }, "v2.0.0");
    const log: string[] = [];
    const code = await syncActionsCommand({ github: true }, { root: project.root, env: { GITHUB_TOKEN: "test-token", GITHUB_API_URL: apiUrl }, log: (l) => log.push(l) });
    assert.equal(code, 0, log.join("\n"));
    const manifest = parseActionManifest(project.manifest());
    assert.deepEqual(manifest.actions["acme/widget"]?.outputs, ["digest", "report"]);
    assert.deepEqual(Object.keys(manifest.actions["acme/widget/lint"]?.inputs ?? {}), ["strict"]);

    assert.ok(seen.length > 0 && seen.every((s) => s.headers.authorization === "Bearer test-token"));
    const contents = seen.filter((s) => s.url.includes("/contents/"));
    assert.ok(contents.every((s) => s.url.endsWith(`?ref=${COMMIT}`)));
    assert.deepEqual(
      seen.filter((s) => s.url.includes("/git/")).map((s) => s.url),
      ["/repos/acme/widget/git/ref/tags/v2.0.0"],
      "the tag is resolved once for the two actions of the repository",
    );
    const lint = seen.filter((s) => s.url.includes("/repos/acme/widget/contents/lint/")).map((s) => s.url.split("?")[0]);
    assert.deepEqual(lint, ["/repos/acme/widget/contents/lint/action.yml", "/repos/acme/widget/contents/lint/action.yaml"], "falls back to action.yaml");
  });
});

test("--api-url overrides the environment; failures name the action and leave the manifest alone", async () => {
  await fakeGithub(async (apiUrl) => {
    const project = pinnedProject({ "acme/widget": COMMIT, "forbidden/thing": COMMIT, "acme/missing": COMMIT }, "v2.0.0");
    const before = project.manifest();
    const log: string[] = [];
    const env = { GITHUB_API_URL: "http://127.0.0.1:9/unused" };
    const code = await syncActionsCommand({ github: true, "api-url": apiUrl }, { root: project.root, env, log: (l) => log.push(l) });
    assert.equal(code, 1);
    assert.ok(log.some((l) => l.includes("403") && l.includes("forbidden/thing") && l.includes("GITHUB_TOKEN")), log.join("\n"));
    assert.ok(log.some((l) => l.includes('"acme/missing"') && l.includes("no action.yml or action.yaml")), log.join("\n"));
    assert.equal(project.manifest(), before);
  });
});

test("--github checks that each tag points at the pinned commit, through annotated tags", async () => {
  await fakeGithub(async (apiUrl) => {
    const project = pinnedProject({ "acme/widget": COMMIT }, "v3.0.0");
    const log: string[] = [];
    const code = await syncActionsCommand({ github: true }, { root: project.root, env: { GITHUB_API_URL: apiUrl }, log: (l) => log.push(l) });
    assert.equal(code, 0, log.join("\n"));
    assert.ok(parseActionManifest(project.manifest()).actions["acme/widget"]?.inputs, "the annotated tag's commit is the pinned one: metadata was taken");
  });
});

test("--github refuses a tag that points elsewhere, at no commit, or does not exist, and changes nothing", async () => {
  await fakeGithub(async (apiUrl) => {
    const project = pinnedProject({ "acme/moved": COMMIT, "acme/tree": COMMIT, "acme/widget": COMMIT }, "v2.0.0");
    const unknownTag = pinnedProject({ "acme/widget": COMMIT }, "v9.9.9");
    for (const [target, expected] of [
      [project, [`tag "v2.0.0" of acme/moved points at ${OTHER_COMMIT}, not at the pinned ${COMMIT}`, 'tag "v2.0.0" of acme/tree points at a tree, not a commit']],
      [unknownTag, ['tag "v9.9.9" of acme/widget does not exist; correct the tag in the manifest']],
    ] as const) {
      const before = target.manifest();
      const log: string[] = [];
      const code = await syncActionsCommand({ github: true }, { root: target.root, env: { GITHUB_API_URL: apiUrl }, log: (l) => log.push(l) });
      assert.equal(code, 1);
      for (const text of expected) assert.ok(log.some((l) => l.includes(text)), `${text}\n${log.join("\n")}`);
      assert.equal(target.manifest(), before);
    }
  });
});
