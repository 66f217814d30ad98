/**
 * YAML paths as text: `jobs.build.steps[2].with`, the form findings, waivers and
 * source maps name a node by, and its segments.
 */

/** The text of a path given as segments (keys and sequence indexes). */
export function pathText(path: readonly (string | number)[]): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`)).join("");
}

/** The segments of a path's text (the inverse of `pathText`). */
export function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const part of path.split(".")) {
    const open = part.indexOf("[");
    segments.push(open < 0 ? part : part.slice(0, open));
    if (open >= 0) for (const index of part.slice(open + 1, -1).split("][")) segments.push(Number(index));
  }
  return segments.filter((s) => s !== "");
}
