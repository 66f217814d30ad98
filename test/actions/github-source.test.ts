import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseActionManifest } from "../../workflows-src/kit/action-manifest.ts";
import { syncActionsCommand } from "../../scripts/actions/sync-command.ts";
import { pinnedProject } from "../support/pinned-project.ts";

const fixtures = fileURLToPath(new URL("../fixtures/action-metadata", import.meta.url));
const COMMIT = "3333333333333333333333333333333333333333";

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

/**
 * A stand-in for GitHub's contents API on 127.0.0.1: serves the fixture files for
 * `/repos/<owner>/<repo>/contents/<path>?ref=<COMMIT>`, 404 otherwise, and answers
 * 403 for the `forbidden` owner.
 */
async function fakeGithub(run: (apiUrl: string, seen: Seen[]) => Promise<void>): Promise<void> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    seen.push({ url: request.url ?? "", headers: request.headers });
    const url = new URL(request.url ?? "/", "http://localhost");
    const match = /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(url.pathname);
    if (match?.[1] === "forbidden") return void response.writeHead(403).end("{}");
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
    assert.ok(seen.every((s) => s.url.endsWith(`?ref=${COMMIT}`)));
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
    assert.ok(log.some((l) => l.includes("403") && l.includes('"forbidden/thing"') && l.includes("GITHUB_TOKEN")), log.join("\n"));
    assert.ok(log.some((l) => l.includes('"acme/missing"') && l.includes("no action.yml or action.yaml")), log.join("\n"));
    assert.equal(project.manifest(), before);
  });
});
