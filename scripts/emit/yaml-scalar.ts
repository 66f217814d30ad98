/**
 * How one scalar is written in block YAML. A string is plain when a YAML 1.2 reader
 * reads exactly that string back, quoted when not, and a multi-line string is a
 * literal block (`|`) so a script reads in the file as it does in its source.
 *
 * These are the style choices the `yaml` package's writer makes for such values
 * (with folding off); `test/emit/yaml-writer.test.ts` holds the two writers side by
 * side on every workflow and parses random values back. Where a rare value could be
 * written more than one way, this module quotes rather than guesses.
 */

/** A value written as one scalar. */
export type ScalarValue = string | number | boolean | null;

/** Where the scalar goes: a mapping key cannot be a block, a value can. */
export interface ScalarPlace {
  /** Indentation of the block's lines, when the value is written as a literal block. */
  indent: string;
  isKey: boolean;
}

/** The text of a scalar; a literal block's text spans several lines (no final newline). */
export function scalarText(value: ScalarValue, place: ScalarPlace): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return numberText(value);
  return stringText(value, place);
}

function numberText(value: number): string {
  if (Number.isNaN(value)) return ".nan";
  if (!Number.isFinite(value)) return value < 0 ? "-.inf" : ".inf";
  return Object.is(value, -0) ? "-0" : String(value);
}

function stringText(value: string, place: ScalarPlace): string {
  // Control characters and lone surrogates have no literal form in YAML: escape them.
  if (MAYBE_CONTROL.test(value) && CONTROL.test(value)) return doubleQuoted(value);
  if (value.includes("\n")) {
    return place.isKey || hasBlankTrailingLine(value) ? quoted(value) : literalBlock(value, place.indent);
  }
  return isPlainSafe(value) ? value : quoted(value);
}

// C0 and C1 controls except tab and line feed, the byte order mark (a reader drops it),
// the two non-characters YAML forbids,
// and UTF-16 halves without their pair.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]|\p{Cs}/u;
// The same without telling paired from lone surrogates: a much cheaper first look.
const MAYBE_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff\ud800-\udfff]/;

/** Double quotes (JSON's escapes are YAML's), or single quotes when that avoids escaping `"`. */
function quoted(value: string): string {
  if (value.includes('"') && !value.includes("'") && !value.includes("\n")) return `'${value}'`;
  return doubleQuoted(value);
}

/** JSON's string form is a YAML double-quoted scalar once the characters JSON leaves raw but YAML cannot hold are escaped too. */
function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(/[\x7f-\x9f\ufeff\ufffe\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Whether a single-line string can be written bare: it must not start like another
 * YAML construct (an indicator, a sequence entry, a document marker), contain `: `
 * or ` #`, end in a space or `:`, or read as a null, boolean or number.
 */
function isPlainSafe(value: string): boolean {
  if (value === "" || INDICATOR_START.has(value[0]!)) return false;
  if ((value[0] === "-" || value[0] === "?") && (value.length === 1 || value[1] === " " || value[1] === "\t")) return false;
  if (value.startsWith("---") || value.startsWith("...")) return false;
  if (/:[ \t]|[ \t]#/.test(value)) return false;
  const last = value[value.length - 1]!;
  if (last === " " || last === "\t" || last === ":") return false;
  return !readsAsOtherType(value);
}

const INDICATOR_START = new Set([" ", "\t", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", '"', "%", "@", "`"]);

// What YAML 1.2's core schema reads as null, a boolean, an integer or a float.
const CORE_SCHEMA_NON_STRINGS = [
  /^(?:~|null|Null|NULL)$/,
  /^(?:true|True|TRUE|false|False|FALSE)$/,
  /^[-+]?[0-9]+$/,
  /^0o[0-7]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?\.(?:inf|Inf|INF)$/,
  /^\.(?:nan|NaN|NAN)$/,
];

function readsAsOtherType(value: string): boolean {
  return CORE_SCHEMA_FIRST_CHARACTERS.has(value[0]!) && CORE_SCHEMA_NON_STRINGS.some((pattern) => pattern.test(value));
}

// Every null, boolean and number above starts with one of these.
const CORE_SCHEMA_FIRST_CHARACTERS = new Set([..."~nNtTfF0123456789+-."]);

/**
 * Whether a line after the string's last visible character holds only spaces or tabs:
 * a block cannot carry those (a reader takes them for indentation and drops them).
 */
function hasBlankTrailingLine(value: string): boolean {
  let end = value.length;
  while (end > 0 && (value[end - 1] === "\n" || value[end - 1] === " " || value[end - 1] === "\t")) end--;
  // The first piece continues the last visible line, unless there is none.
  return value.slice(end).split("\n").some((piece, index) => piece !== "" && (index > 0 || end === 0));
}

/**
 * `|` with the chomping indicator that keeps the string's trailing line breaks
 * exactly (`-` none, none for one, `+` more), and an indentation indicator when the
 * first line starts with spaces (the reader would otherwise take them for indentation).
 * Empty lines are written empty, so the file has no trailing whitespace of ours.
 */
function literalBlock(value: string, indent: string): string {
  const body = value.endsWith("\n") ? value.slice(0, -1) : value;
  const chomp = !value.endsWith("\n") ? "-" : value === "\n" || value.endsWith("\n\n") ? "+" : "";
  const indentation = /^[ \n]* /.test(value) ? "2" : "";
  const lines = body.split("\n").map((line) => (line === "" ? "" : indent + line));
  return `|${indentation}${chomp}\n${lines.join("\n")}`;
}
