/**
 * GitHub Actions workflow commands: the ones we mean (`::error file=…::message`),
 * escaped as the runner expects so that newlines and separators in messages survive,
 * and every other line we print, escaped so that the runner cannot read a command in
 * it (`safeLine`).
 */

/** Properties of an annotation; `file` is relative to the repository root. */
export interface AnnotationProperties {
  file?: string;
  line?: number;
  col?: number;
  title?: string;
}

const escapeData = (s: string): string => s.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
const escapeProperty = (s: string): string => escapeData(s).replaceAll(":", "%3A").replaceAll(",", "%2C");

/** One `::error` / `::warning` line. */
export function annotation(level: "error" | "warning", properties: AnnotationProperties, message: string): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(",");
  return `::${level}${props ? ` ${props}` : ""}::${escapeData(message)}`;
}

/**
 * Text safe to print as one line of a CI log. The runner reads every line a step
 * prints and takes as a workflow command a line that starts with `::` once leading
 * white space is trimmed, and one holding the legacy `##[command]` form anywhere. So
 * control characters (line breaks included) are written as escapes, a leading `::`
 * becomes `\u003a:`, and `##[` becomes `#\u0023[`: text from a hostile file stays text.
 */
export function safeLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  const escaped = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => (ch === "\n" ? "\\n" : ch === "\r" ? "\\r" : ch === "\t" ? "\\t" : `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`));
  return escaped.replace(/^(\s*):(?=:)/, "$1\\u003a").replaceAll("##[", "#\\u0023[");
}
