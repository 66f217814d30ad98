/**
 * Errors for data that comes from outside the type system (manifests, action
 * metadata, command-line flags). Every zod issue becomes one line naming the file
 * and the key at fault, so a reader can go straight to it.
 */
import type { z } from "zod";

/** Thrown when external data does not have the expected shape; lists every problem at once. */
export class ValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "ValidationError";
  }
}

/**
 * One message per zod issue: `<source>: "<key path>" <problem>; <fix>`.
 * @param source the file (or flag set) the data came from
 * @param data the data that was parsed, to tell a missing key from a wrong value
 */
export function issueMessages(source: string, error: z.ZodError, data?: unknown): string[] {
  return error.issues.map((issue) => {
    const at = issue.path.length ? ` "${issue.path.map(String).join(".")}"` : "";
    if (issue.code === "unrecognized_keys") {
      return `${source}:${at} has unknown key${issue.keys.length === 1 ? "" : "s"} ${issue.keys.map((k) => `"${k}"`).join(", ")}; remove ${issue.keys.length === 1 ? "it" : "them"} or fix the spelling`;
    }
    if (issue.code === "invalid_key") {
      return `${source}:${at} is not a valid key: ${issue.issues.map((inner) => inner.message).join(", ")}; rename it`;
    }
    if (issue.code === "invalid_type" && valueAt(data, issue.path) === undefined) {
      return `${source}:${at} is missing; add it (${issue.expected})`;
    }
    return `${source}:${at} ${lowerFirst(issue.message)}; fix the value`;
  });
}

/** Parses `data` with `schema`, or throws a `ValidationError` naming every bad key. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown, source: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new ValidationError(issueMessages(source, result.error, data));
  return result.data;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined), data);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
