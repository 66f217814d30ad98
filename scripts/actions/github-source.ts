/**
 * Action metadata from GitHub's contents API at the pinned commit
 * (`GET /repos/<owner>/<repo>/contents/<path>/action.yml?ref=<commit>`, raw media type).
 * The API base is configurable so tests serve fixture files from a local server.
 */
import { ValidationError } from "../../workflows-src/kit/validation-error.ts";
import type { MetadataSource } from "./sync-manifest.ts";

/** Options of the GitHub source: API base URL (`https://api.github.com`) and an optional token. */
export interface GithubSourceOptions {
  apiUrl: string;
  token?: string | undefined;
}

/** A metadata source that asks GitHub's API for each action's metadata file at its pinned commit. */
export function githubSource(options: GithubSourceOptions): MetadataSource {
  const base = options.apiUrl.replace(/\/+$/, "");
  return {
    async read(action, pin) {
      const [owner, repo, ...rest] = action.split("/");
      for (const name of ["action.yml", "action.yaml"]) {
        const filePath = [...rest, name].map(encodeURIComponent).join("/");
        const url = `${base}/repos/${owner}/${repo}/contents/${filePath}?ref=${pin.commit}`;
        const response = await get(url, options.token);
        if (response.status === 404) continue;
        if (!response.ok) {
          const hint = response.status === 401 || response.status === 403 || response.status === 429 ? "; set GITHUB_TOKEN to a token that can read the repository, or wait for the rate limit" : "";
          throw new ValidationError([`${url}: answered ${response.status} for "${action}"${hint}`]);
        }
        return { text: await response.text(), file: `${action}/${name}@${pin.commit}` };
      }
      throw new ValidationError([`${base}/repos/${owner}/${repo}: has no action.yml or action.yaml for "${action}" at ${pin.commit}; check the pin in the manifest`]);
    },
  };
}

async function get(url: string, token: string | undefined): Promise<Response> {
  try {
    return await fetch(url, {
      headers: {
        accept: "application/vnd.github.raw+json",
        "x-github-api-version": "2022-11-28",
        "user-agent": "charon-workflows-sync-actions",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    });
  } catch (error) {
    throw new ValidationError([`${url}: request failed (${(error as Error).message}); check the network or --api-url`]);
  }
}
