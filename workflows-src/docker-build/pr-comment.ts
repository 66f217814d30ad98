/**
 * Pull request comments from github-script: a shared poster (which keeps a fork's
 * read-only token from failing the job) followed by the body of one comment.
 */
import { scriptFile } from "../kit/index.ts";

const poster = scriptFile(import.meta.url, "./scripts/post-pr-comment.js");

/** The github-script body for the comment script `file` in `scripts/`. */
export function prCommentScript(file: string): string {
  return `${poster}\n${scriptFile(import.meta.url, `./scripts/${file}`)}`;
}
