/**
 * `sync-actions --github` against a hostile or broken API: a server that never
 * answers, one that drips its body, one that answers too much (plainly or as a gzip
 * bomb), and pins whose tag would climb to another repository. Each fails with the
 * URL and the action named, within its limit, and no request leaves the repository.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createGzip } from "node:zlib";
import { githubSource, type RequestLimits } from "../../scripts/actions/github-source.ts";
import { ValidationError } from "../../scripts/files/validation-error.ts";

const COMMIT = "3333333333333333333333333333333333333333";
const PIN = { commit: COMMIT, tag: "v1.0.0" };
// Generous enough for a busy machine; each test shows one limit at work.
const LIMITS: RequestLimits = { requestMs: 1_000, runMs: 30_000, responseBytes: 64 * 1024 };
const TAG_ANSWER = JSON.stringify({ ref: "refs/tags/v1.0.0", object: { type: "commit", sha: COMMIT } });

/** A local server whose handler decides each answer; every requested path is recorded. */
async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void, run: (apiUrl: string, paths: string[]) => Promise<void>): Promise<void> {
  const paths: string[] = [];
  const server = createServer((request, response) => {
    paths.push(request.url ?? "");
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** The problems `read` fails with, and how long it took. */
async function failure(apiUrl: string, action: string, pin = PIN, limits = LIMITS): Promise<{ problems: readonly string[]; ms: number }> {
  const started = performance.now();
  try {
    await githubSource({ apiUrl, limits }).read(action, pin);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { problems: error.problems, ms: performance.now() - started };
  }
  assert.fail("expected the read to fail");
}

const answerTag = (request: IncomingMessage, response: ServerResponse): boolean => {
  if (!request.url?.includes("/git/ref/tags/")) return false;
  response.writeHead(200, { "content-type": "application/json" }).end(TAG_ANSWER);
  return true;
};

test("a server that never answers: the request's time limit, with URL and action named", async () => {
  await serve(
    () => undefined,
    async (apiUrl) => {
      const { problems, ms } = await failure(apiUrl, "acme/widget");
      assert.ok(ms < 10_000, `took ${ms} ms: ${problems.join("\n")}`);
      assert.deepEqual(problems, [`${apiUrl}/repos/acme/widget/git/ref/tags/v1.0.0 (for "acme/widget"): no complete answer within 1 s; check the network or --api-url`]);
    },
  );
});

test("a body that drips forever is cut by the same limit", async () => {
  await serve(
    (request, response) => {
      if (answerTag(request, response)) return;
      response.writeHead(200, { "content-type": "text/plain" });
      const drip = setInterval(() => response.write("name: x\n"), 50);
      response.on("close", () => clearInterval(drip));
    },
    async (apiUrl) => {
      const { problems } = await failure(apiUrl, "acme/widget/lint");
      assert.equal(problems.length, 1);
      assert.match(problems[0]!, /\/repos\/acme\/widget\/contents\/lint\/action\.yml\?ref=3{40} \(for "acme\/widget\/lint"\): no complete answer within 1 s/);
    },
  );
});

test("the whole run has a time limit too", async () => {
  let requests = 0;
  await serve(
    (request, response) => {
      // Each answer comes well inside the request limit; together they pass the run's.
      setTimeout(() => (answerTag(request, response) ? undefined : response.writeHead(404).end("{}")), 300);
      requests++;
    },
    async (apiUrl) => {
      const source = githubSource({ apiUrl, limits: { ...LIMITS, requestMs: 30_000, runMs: 500 } });
      const results = await Promise.allSettled(["acme/a", "acme/b/c", "acme/b/d", "acme/e"].map((action) => source.read(action, PIN)));
      const problems = results.flatMap((r) => (r.status === "rejected" && r.reason instanceof ValidationError ? r.reason.problems : []));
      assert.ok(problems.some((p) => /\(for "acme\/[a-e/]+"\): stopped: sync-actions may take at most 0\.5 s in all/.test(p)), problems.join("\n"));
    },
  );
  assert.ok(requests > 0);
});

test("an answer larger than the limit is refused while it streams, plain or as a gzip bomb", async () => {
  await serve(
    (request, response) => {
      if (answerTag(request, response)) return;
      if (request.url?.includes("/plain/")) {
        response.writeHead(200, { "content-type": "text/plain" });
        const chunk = "x".repeat(16 * 1024);
        const write = () => {
          while (response.write(chunk));
        };
        response.on("drain", write);
        write();
        return;
      }
      // 256 MiB of zeros, a quarter of a megabyte on the wire.
      response.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" });
      const gzip = createGzip({ level: 9 });
      gzip.pipe(response);
      const zeros = Buffer.alloc(1024 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 256 && gzip.write(zeros)) sent++;
        if (sent >= 256) gzip.end();
      };
      gzip.on("drain", pump);
      response.on("close", () => gzip.destroy());
      pump();
    },
    async (apiUrl) => {
      const rss = process.memoryUsage().rss;
      for (const action of ["acme/widget/plain", "acme/widget/bomb"]) {
        const { problems } = await failure(apiUrl, action);
        assert.equal(problems.length, 1, problems.join("\n"));
        assert.ok(problems[0]!.startsWith(`${apiUrl}/repos/acme/widget/contents/${action.split("/")[2]}/action.yml?ref=${COMMIT} (for "${action}"): answered more than the limit of 65536 bytes`), problems.join("\n"));
      }
      assert.ok(process.memoryUsage().rss - rss < 128 * 1024 * 1024, "the answers were not held in memory");
    },
  );
});

test("a tag that climbs out of the repository sends no request at all", async () => {
  await serve(
    (request, response) => void (answerTag(request, response) || response.writeHead(404).end("{}")),
    async (apiUrl, paths) => {
      for (const tag of ["../../../other/repo/git/ref/tags/v1", "v1/../../x", "v1?x=1#y", "v1/./x"]) {
        const { problems } = await failure(apiUrl, "acme/widget", { commit: COMMIT, tag });
        assert.equal(problems.length, 1);
        assert.match(problems[0]!, /^"acme\/widget": tag .* write the release tag as git names it$|resolves outside/, problems.join("\n"));
      }
      const bad = await failure(apiUrl, "acme/..", PIN);
      assert.match(bad.problems[0]!, /"acme\/\.\." is not owner\/repo\[\/path\]/);
      const shortCommit = await failure(apiUrl, "acme/widget", { commit: "abc", tag: "v1" });
      assert.match(shortCommit.problems[0]!, /commit "abc" is not 40 lower-case hex digits/);
      assert.deepEqual(paths, [], "no request was sent");
    },
  );
});

test("a percent sign in a tag is encoded, so it can name no other path", async () => {
  await serve(
    (request, response) => void response.writeHead(404).end("{}"),
    async (apiUrl, paths) => {
      await failure(apiUrl, "acme/widget", { commit: COMMIT, tag: "%2e%2e" });
      assert.deepEqual(paths, ["/repos/acme/widget/git/ref/tags/%252e%252e"]);
    },
  );
});
