/**
 * GitHub Actions workflow commands (`::error file=…::message`), escaped as the
 * runner expects so that newlines and separators in messages survive.
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
