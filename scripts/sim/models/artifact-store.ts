/**
 * The run's artifact store, shared by the upload and download models. An artifact
 * name comes from the workflow and often from the event (a pull request number, a
 * branch), so it is checked as upload-artifact checks it (actions/toolkit refuses
 * these characters for every file system's sake) and never used as a path: each
 * artifact is kept in a folder named by the SHA-256 of its name.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { RunSandbox } from "../run-step.ts";

/** The characters upload-artifact refuses in an artifact name, with the words its message uses. */
const FORBIDDEN: readonly (readonly [string, string])[] = [
  ['"', 'Double quote "'],
  [":", "Colon :"],
  ["<", "Less than <"],
  [">", "Greater than >"],
  ["|", "Vertical bar |"],
  ["*", "Asterisk *"],
  ["?", "Question mark ?"],
  ["\r", "Carriage return \\r"],
  ["\n", "Line feed \\n"],
  ["\\", "Backslash \\"],
  ["/", "Forward slash /"],
];

/** upload-artifact's error for a name it refuses, or undefined for a valid name. */
export function artifactNameProblem(name: string): string | undefined {
  if (name === "") return "Provided artifact name input during validation is empty";
  const found = FORBIDDEN.find(([ch]) => name.includes(ch));
  if (!found) return undefined;
  return `The artifact name is not valid: ${JSON.stringify(name)}. Contains the following character: ${found[1]}; remove it from the name`;
}

/** Where the store keeps an artifact's files: a folder named by the digest of its name. */
export function artifactFolder(run: RunSandbox, name: string): string {
  return join(run.artifacts, createHash("sha256").update(name).digest("hex"));
}
