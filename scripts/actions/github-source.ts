/**
 * Action metadata from GitHub's contents API at the pinned commit
 * (`GET /repos/<owner>/<repo>/contents/<path>/action.yml?ref=<commit>`, raw media type).
 * Before the metadata is taken, the pinned tag must point at the pinned commit
 * (`GET /repos/<owner>/<repo>/git/ref/tags/<tag>`, through annotated tag objects):
 * the tag is what every emitted `uses:` shows as its `# <tag>` comment, and a
 * reviewer reads the tag, not the commit. The API base is configurable so tests
 * serve fixture files from a local server.
 *
 * Every URL is built from validated parts (action path segments, a git tag name, a
 * 40-hex commit), each percent-encoded, and checked to stay under the repository it
 * asks about. Every request has a time limit, the whole run has one, and an answer
 * is read up to a size limit counted after decompression; every error names the URL
 * and the action.
 */
import { z } from "zod";
import { actionPathOf, actionPathPattern, commitPattern, isWorkflowKey, tagNameProblem } from "./action-manifest.ts";
import { ValidationError } from "../files/validation-error.ts";
import type { MetadataSource } from "./sync-manifest.ts";

/** How long a request may take, how long the whole run may take, and how large an answer may be. */
export interface RequestLimits {
  readonly requestMs: number;
  readonly runMs: number;
  readonly responseBytes: number;
}

/** GitHub answers these requests in well under a second, and an action.yml is a few kilobytes. */
export const DEFAULT_REQUEST_LIMITS: RequestLimits = { requestMs: 30_000, runMs: 300_000, responseBytes: 2 * 1024 * 1024 };

/** Options of the GitHub source: API base URL (`https://api.github.com`), an optional token, the limits. */
export interface GithubSourceOptions {
  apiUrl: string;
  token?: string | undefined;
  limits?: RequestLimits;
}

/** A metadata source that asks GitHub's API for each action's metadata file at its pinned commit. */
export function githubSource(options: GithubSourceOptions): MetadataSource {
  const base = options.apiUrl.replace(/\/+$/, "");
  const limits = options.limits ?? DEFAULT_REQUEST_LIMITS;
  const client: Client = { token: options.token, limits, run: AbortSignal.timeout(limits.runMs) };
  // Actions in one repository (`owner/repo/path`) share its tags: each is resolved once.
  const tagChecks = new Map<string, Promise<void>>();
  return {
    async read(manifestKey, pin) {
      const action = actionPathOf(manifestKey);
      const [owner = "", repo = "", ...rest] = checkedPin(action, pin);
      const repository = `${base}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
      try {
        const key = `${owner}/${repo}@${pin.tag}=${pin.commit}`;
        if (!tagChecks.has(key)) tagChecks.set(key, checkTag(client, repository, `${owner}/${repo}`, pin));
        await tagChecks.get(key);
        // A reusable workflow's path is its file; an action's is the folder of its metadata.
        for (const name of isWorkflowKey(manifestKey) ? [undefined] : ["action.yml", "action.yaml"]) {
          const url = under(repository, `${repository}/contents/${[...rest, ...(name ? [name] : [])].map(encodeURIComponent).join("/")}?ref=${pin.commit}`);
          const answer = await get(client, url, RAW);
          if (answer.response.status === 404) {
            await answer.response.body?.cancel();
            continue;
          }
          if (!answer.response.ok) throw await answered(url, answer.response, `the metadata of "${action}"`);
          return { text: await readLimited(client, url, answer), file: `${name ? `${action}/${name}` : action}@${pin.commit}` };
        }
        throw new Refusal(repository, `has no action.yml or action.yaml for "${action}" at ${pin.commit}; check the pin in the manifest`);
      } catch (error) {
        if (error instanceof Refusal) throw new ValidationError([`${error.url} (for "${action}"): ${error.problem}`]);
        throw error;
      }
    },
  };
}

interface Client {
  readonly token: string | undefined;
  readonly limits: RequestLimits;
  /** Aborts every request once the run's time limit is reached. */
  readonly run: AbortSignal;
}

/** A request that failed or an answer that was refused: where, and what went wrong; the caller adds the action. */
class Refusal extends Error {
  constructor(
    readonly url: string,
    readonly problem: string,
  ) {
    super(`${url}: ${problem}`);
  }
}

const RAW = "application/vnd.github.raw+json";
const JSON_MEDIA = "application/vnd.github+json";

// A ref and an annotated tag object both name the object they point at.
const pointer = z.object({ object: z.object({ type: z.string(), sha: z.string().regex(commitPattern) }) });

// Tags of tags are allowed by git; a chain longer than this is not a release tag.
const MAX_TAG_DEPTH = 5;

/** The action's path segments, once the action path, commit and tag are known to be safe in a URL. */
function checkedPin(action: string, pin: { commit: string; tag: string }): string[] {
  const problems: string[] = [];
  if (!actionPathPattern.test(action)) problems.push(`"${action}" is not owner/repo[/path]; fix the action path in the manifest`);
  if (!commitPattern.test(pin.commit)) problems.push(`"${action}": commit "${pin.commit}" is not 40 lower-case hex digits; pin a full commit id`);
  const tagProblem = tagNameProblem(pin.tag);
  if (tagProblem) problems.push(`"${action}": tag ${JSON.stringify(pin.tag)} ${tagProblem}; write the release tag as git names it`);
  if (problems.length) throw new ValidationError(problems);
  return action.split("/");
}

/** `url`, after checking that it still names a resource under `prefix` once parsed (no segment climbs out). */
function under(prefix: string, url: string): string {
  const parsed = new URL(url);
  const root = new URL(prefix);
  if (parsed.origin !== root.origin || !parsed.pathname.startsWith(`${root.pathname}/`)) {
    throw new Refusal(url, `resolves outside ${prefix}; the request is not sent`);
  }
  return url;
}

async function checkTag(client: Client, repository: string, name: string, pin: { commit: string; tag: string }): Promise<void> {
  const subject = `tag "${pin.tag}" of ${name}`;
  let url = under(repository, `${repository}/git/ref/tags/${pin.tag.split("/").map(encodeURIComponent).join("/")}`);
  for (let depth = 0; depth < MAX_TAG_DEPTH; depth++) {
    const answer = await get(client, url, JSON_MEDIA);
    if (answer.response.status === 404) {
      await answer.response.body?.cancel();
      throw new Refusal(url, `${subject} does not exist; correct the tag in the manifest`);
    }
    if (!answer.response.ok) throw await answered(url, answer.response, subject);
    const object = pointedObject(url, await readLimited(client, url, answer));
    if (object.type === "commit") {
      if (object.sha === pin.commit) return;
      throw new Refusal(url, `${subject} points at ${object.sha}, not at the pinned ${pin.commit}; pin the tag's commit or correct the tag in the manifest (emitted workflows show the tag)`);
    }
    if (object.type !== "tag") throw new Refusal(url, `${subject} points at a ${object.type}, not a commit; correct the tag in the manifest`);
    url = under(repository, `${repository}/git/tags/${object.sha}`);
  }
  throw new Refusal(url, `${subject} is a chain of more than ${MAX_TAG_DEPTH} tag objects; pin a release tag`);
}

/** The git object a ref or tag object answer points at. */
function pointedObject(url: string, text: string): { type: string; sha: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Refusal(url, "answered with text that is not JSON; check --api-url");
  }
  const parsed = pointer.safeParse(data);
  if (!parsed.success) throw new Refusal(url, "answered without the object a ref points at (its type and 40-hex sha); check --api-url");
  return parsed.data.object;
}

async function answered(url: string, response: Response, subject: string): Promise<Refusal> {
  await response.body?.cancel();
  const status = response.status;
  const hint = status === 401 || status === 403 || status === 429 ? "; set GITHUB_TOKEN to a token that can read the repository, or wait for the rate limit" : "";
  return new Refusal(url, `answered ${status} for ${subject}${hint}`);
}

/** The request's signal: its own time limit, and the run's. */
function requestSignal(client: Client): AbortSignal {
  // A timer, not AbortSignal.timeout: Node 20 may collect a timeout signal that only AbortSignal.any refers to, and it never fires.
  const own = new AbortController();
  setTimeout(() => own.abort(new DOMException("the request's time limit was reached", "TimeoutError")), client.limits.requestMs).unref();
  return AbortSignal.any([client.run, own.signal]);
}

/** An answer and the signal of its request, which also limits the reading of its body. */
interface Answer {
  readonly response: Response;
  readonly signal: AbortSignal;
}

async function get(client: Client, url: string, accept: string): Promise<Answer> {
  const signal = requestSignal(client);
  try {
    const response = await fetch(url, {
      signal,
      headers: {
        accept,
        "x-github-api-version": "2022-11-28",
        "user-agent": "charon-workflows-sync-actions",
        ...(client.token ? { authorization: `Bearer ${client.token}` } : {}),
      },
    });
    return { response, signal };
  } catch (error) {
    throw failure(client, url, signal, error);
  }
}

/** The answer's text, read while it arrives and refused past the size limit (counted after decompression). */
async function readLimited(client: Client, url: string, { response, signal }: Answer): Promise<string> {
  const limit = client.limits.responseBytes;
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (!response.headers.get("content-encoding") && declared > limit) {
    await response.body?.cancel();
    throw new Refusal(url, `answered ${declared} bytes, more than the limit of ${limit}; check --api-url`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!response.body) return "";
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw new Refusal(url, `answered more than the limit of ${limit} bytes (after decompression); check --api-url`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw failure(client, url, signal, error);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function failure(client: Client, url: string, signal: AbortSignal, error: unknown): Refusal {
  if (client.run.aborted) return new Refusal(url, `stopped: sync-actions may take at most ${client.limits.runMs / 1000} s in all; check the network or --api-url, then run it again`);
  if (signal.aborted) return new Refusal(url, `no complete answer within ${client.limits.requestMs / 1000} s; check the network or --api-url`);
  return new Refusal(url, `request failed (${(error as Error).message}); check the network or --api-url`);
}
