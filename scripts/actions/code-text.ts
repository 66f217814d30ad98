/**
 * Text from a manifest or an action's metadata written into generated TypeScript:
 * as a string literal, a property name or a doc comment. Such text is data — a tag,
 * an input name, a default, a deprecation message — and whatever it holds (`*\/`,
 * quotes, backticks, `${`, line breaks, U+2028/U+2029, bidirectional controls) must
 * stay inside the literal or comment it was written into.
 */

// Characters that end a line or a comment's visible text, or hide text from a reader:
// controls, format characters (bidirectional overrides, zero-width joiners), line
// and paragraph separators, private-use and unassigned code points, lone surrogates.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/gu;

/** A double-quoted string literal holding exactly `text`, in ASCII (every other character as `\uXXXX`). */
export function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A property name: the name itself when it is a plain identifier, else a string literal. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : stringLiteral(name);
}

/**
 * One line of doc-comment text: line breaks become spaces, `*\/` cannot close the
 * comment, and invisible characters are shown as `\u{…}` so a reader sees them.
 */
export function commentText(text: string): string {
  return text
    .replace(/\s*(\r\n|[\r\n\u2028\u2029\u0085])\s*/g, " ")
    .replace(INVISIBLE, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`)
    .replaceAll("*/", "*\\/");
}
