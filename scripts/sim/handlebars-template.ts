/**
 * The subset of Handlebars templates that metadata-action tag values, patterns,
 * prefixes, suffixes and labels use: `{{name}}` looks a name up in a scope (a value
 * or a function without arguments), output is HTML-escaped as Handlebars does, a
 * missing name renders empty. Helpers with arguments (`{{date 'YYYY'}}`) and
 * block or triple-stash syntax are reported as unsupported.
 */
import { UnsupportedFeature } from "./unsupported.ts";

export type TemplateScope = Readonly<Record<string, string | number | (() => string)>>;

type Piece = { kind: "text"; text: string } | { kind: "mustache"; body: string };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#x27;",
  "`": "&#x60;",
  "=": "&#x3D;",
};

function pieces(template: string): Piece[] {
  const out: Piece[] = [];
  let cursor = 0;
  for (;;) {
    const open = template.indexOf("{{", cursor);
    if (open < 0) break;
    if (template[open - 1] === "\\") throw new UnsupportedFeature("handlebars escaped mustache");
    const close = template.indexOf("}}", open + 2);
    if (close < 0) break;
    if (open > cursor) out.push({ kind: "text", text: template.slice(cursor, open) });
    out.push({ kind: "mustache", body: template.slice(open + 2, close) });
    cursor = close + 2;
  }
  if (cursor < template.length) out.push({ kind: "text", text: template.slice(cursor) });
  return out;
}

function helperName(body: string): string {
  return body.trim().split(/\s+/)[0] ?? "";
}

/** Renders a template against a scope. */
export function renderTemplate(template: string, scope: TemplateScope): string {
  let out = "";
  for (const piece of pieces(template)) {
    if (piece.kind === "text") {
      out += piece.text;
      continue;
    }
    const body = piece.body.trim();
    if (!NAME.test(body)) {
      const name = helperName(body);
      throw new UnsupportedFeature(NAME.test(name) ? `{{${name} ...}} (helper with arguments)` : `handlebars syntax "{{${body}}}"`);
    }
    const entry = scope[body];
    const value = typeof entry === "function" ? entry() : entry === undefined ? "" : String(entry);
    out += value.replace(/[&<>"'`=]/g, (ch) => ESCAPES[ch] ?? ch);
  }
  return out;
}

/** True when the template is exactly one `{{raw}}` mustache (whitespace inside allowed). */
export function isRawStatement(template: string): boolean {
  const parts = pieces(template);
  return parts.length === 1 && parts[0]?.kind === "mustache" && parts[0].body.trim() === "raw";
}
