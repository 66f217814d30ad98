/**
 * Action metadata from GitHub's contents API at the pinned commit
 * (`GET /repos/<owner>/<repo>/contents/<path>/action.yml?ref=<commit>`, raw media type).
 * Before the metadata is taken, the pinned tag must point at the pinned commit
 * (`GET /repos/<owner>/<repo>/git/ref/tags/<tag>`, through annotated tag objects):
 * the tag is what every emitted `uses:` shows as its `# <tag>` comment, and a
 * reviewer reads the tag, not the commit. The API base is configurable so tests
 * serve fixture files from a local server.
 */
import { z } from "zod";
import { parseWith, ValidationError } from "../files/validation-error.ts";
import { actionPathOf, isWorkflowKey } from "./action-manifest.ts";
import type { MetadataSource } from "./sync-manifest.ts";

/** Options of the GitHub source: API base URL (`https://api.github.com`) and an optional token. */
export interface GithubSourceOptions {
  apiUrl: string;
  token?: string | undefined;
}

/** A metadata source that asks GitHub's API for each action's metadata file at its pinned commit. */
export function githubSource(options: GithubSourceOptions): MetadataSource {
  const base = options.apiUrl.replace(/\/+$/, "");
  // Actions in one repository (`owner/repo/path`) share its tags: each is resolved once.
  const tagChecks = new Map<string, Promise<void>>();
  return {
    async read(manifestKey, pin) {
      const action = actionPathOf(manifestKey);
      const [owner, repo, ...rest] = action.split("/");
      const repository = `${owner}/${repo}`;
      const key = `${repository}@${pin.tag}=${pin.commit}`;
      if (!tagChecks.has(key)) tagChecks.set(key, checkTag(base, repository, pin, options.token));
      await tagChecks.get(key);
      // A reusable workflow's path is its file; an action's is the folder of its metadata.
      for (const name of isWorkflowKey(manifestKey) ? [undefined] : ["action.yml", "action.yaml"]) {
        const filePath = [...rest, ...(name ? [name] : [])].map(encodeURIComponent).join("/");
        const url = `${base}/repos/${repository}/contents/${filePath}?ref=${pin.commit}`;
        const response = await get(url, RAW, options.token);
        if (response.status === 404) continue;
        if (!response.ok) throw answered(url, response.status, `"${action}"`);
        return { text: await response.text(), file: `${name ? `${action}/${name}` : action}@${pin.commit}` };
      }
      throw new ValidationError([`${base}/repos/${repository}: has no action.yml or action.yaml for "${action}" at ${pin.commit}; check the pin in the manifest`]);
    },
  };
}

const RAW = "application/vnd.github.raw+json";
const JSON_MEDIA = "application/vnd.github+json";

// A ref and an annotated tag object both name the object they point at.
const pointer = z.object({ object: z.object({ type: z.string(), sha: z.string().regex(/^[0-9a-f]{40}$/) }) });

// Tags of tags are allowed by git; a chain longer than this is not a release tag.
const MAX_TAG_DEPTH = 5;

async function checkTag(base: string, repository: string, pin: { commit: string; tag: string }, token: string | undefined): Promise<void> {
  const subject = `tag "${pin.tag}" of ${repository}`;
  let url = `${base}/repos/${repository}/git/ref/tags/${pin.tag.split("/").map(encodeURIComponent).join("/")}`;
  for (let depth = 0; depth < MAX_TAG_DEPTH; depth++) {
    const response = await get(url, JSON_MEDIA, token);
    if (response.status === 404) throw new ValidationError([`${url}: ${subject} does not exist; correct the tag in the manifest`]);
    if (!response.ok) throw answered(url, response.status, subject);
    const { object } = parseWith(pointer, await response.json(), url);
    if (object.type === "commit") {
      if (object.sha === pin.commit) return;
      throw new ValidationError([
        `${url}: ${subject} points at ${object.sha}, not at the pinned ${pin.commit}; pin the tag's commit or correct the tag in the manifest (emitted workflows show the tag)`,
      ]);
    }
    if (object.type !== "tag") throw new ValidationError([`${url}: ${subject} points at a ${object.type}, not a commit; correct the tag in the manifest`]);
    url = `${base}/repos/${repository}/git/tags/${object.sha}`;
  }
  throw new ValidationError([`${url}: ${subject} is a chain of more than ${MAX_TAG_DEPTH} tag objects; pin a release tag`]);
}

function answered(url: string, status: number, subject: string): ValidationError {
  const hint = status === 401 || status === 403 || status === 429 ? "; set GITHUB_TOKEN to a token that can read the repository, or wait for the rate limit" : "";
  return new ValidationError([`${url}: answered ${status} for ${subject}${hint}`]);
}

async function get(url: string, accept: string, token: string | undefined): Promise<Response> {
  try {
    return await fetch(url, {
      headers: {
        accept,
        "x-github-api-version": "2022-11-28",
        "user-agent": "charon-workflows-sync-actions",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    });
  } catch (error) {
    throw new ValidationError([`${url}: request failed (${(error as Error).message}); check the network or --api-url`]);
  }
}
