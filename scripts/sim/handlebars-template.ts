/**
 * The subset of Handlebars templates that metadata-action tag values, patterns,
 * prefixes, suffixes and labels use: `{{name}}` looks a name up in a scope (a value
 * or a helper), `{{helper 'literal' bare key='value'}}` calls a helper with its
 * parameters (a bare name is looked up, and is undefined when missing), output is
 * HTML-escaped as Handlebars does, a missing name renders empty. Block, partial,
 * comment and triple-stash syntax are reported as unsupported.
 */
import { UnsupportedFeature } from "./unsupported.ts";

/** A helper: positional parameters (undefined for a missing name) and `key=value` parameters. */
export type Helper = (params: readonly (string | undefined)[], hash: Readonly<Record<string, string | undefined>>) => string;

export type TemplateScope = Readonly<Record<string, string | number | Helper>>;

type Piece = { kind: "text"; text: string } | { kind: "mustache"; body: string };

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

// One parameter: a quoted literal, key=value (value quoted or bare), or a bare name.
const PARAM = /\s*(?:(?<key>[A-Za-z_][\w-]*)=)?(?:'(?<single>[^']*)'|"(?<double>[^"]*)"|(?<bare>[^\s'"=]+))/y;

function call(body: string, scope: TemplateScope): string {
  const head = /^([A-Za-z_][A-Za-z0-9_]*)(\s|$)/.exec(body);
  if (!head) throw new UnsupportedFeature(`handlebars syntax "{{${body}}}"`);
  const name = head[1]!;
  const params: (string | undefined)[] = [];
  const hash: Record<string, string | undefined> = {};
  PARAM.lastIndex = name.length;
  while (PARAM.lastIndex < body.length) {
    const m = PARAM.exec(body);
    if (!m?.groups) throw new UnsupportedFeature(`handlebars syntax "{{${body}}}"`);
    const { key, single, double, bare } = m.groups;
    const literal = single ?? double;
    const entry = bare === undefined ? undefined : scope[bare];
    const value = literal ?? (typeof entry === "string" || typeof entry === "number" ? String(entry) : undefined);
    if (bare !== undefined && typeof entry === "function") throw new UnsupportedFeature(`handlebars sub-expression "${bare}"`);
    if (key) hash[key] = value;
    else params.push(value);
  }
  const helper = scope[name];
  if (typeof helper === "function") return helper(params, hash);
  if (params.length || Object.keys(hash).length) throw new UnsupportedFeature(`handlebars helper "${name}"`);
  return helper === undefined ? "" : String(helper);
}

/** Renders a template against a scope. */
export function renderTemplate(template: string, scope: TemplateScope): string {
  let out = "";
  for (const piece of pieces(template)) {
    if (piece.kind === "text") {
      out += piece.text;
      continue;
    }
    const value = call(piece.body.trim(), scope);
    out += value.replace(/[&<>"'`=]/g, (ch) => ESCAPES[ch] ?? ch);
  }
  return out;
}

/** True when the template is exactly one `{{raw}}` mustache (whitespace inside allowed). */
export function isRawStatement(template: string): boolean {
  const parts = pieces(template);
  return parts.length === 1 && parts[0]?.kind === "mustache" && parts[0].body.trim() === "raw";
}
