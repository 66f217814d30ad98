/**
 * Model of docker/metadata-action v5.10.0: from the action's inputs, the event
 * (name, ref, sha, payload) and the repository data it computes the version, tags,
 * labels, annotations and the `json` output, as the action's documentation and its
 * own test vectors describe them. It is a model, checked by `npm run conformance`.
 *
 * The text work is done by the libraries the action itself uses, at the versions its
 * lock file pins: `handlebars` renders every template (values, patterns, prefixes,
 * suffixes, `enable=`, labels), `moment-timezone` formats `{{date}}` and
 * `{{commit_date}}`, `semver` and `@renovate/pep440` read versions, `csv-parse`
 * splits list entries. What this file writes is the action's control flow: tag
 * types raw, sha, ref (branch, tag, pr), edge, semver, pep440, match and schedule;
 * `enable=`, `priority=`, `value=`, `match=`, `group=`, `format=`, `branch=`,
 * per-tag and flavor `prefix`/`suffix`, flavor `latest` and `onlatest`; the global
 * helpers; image attributes; custom labels and annotations;
 * `DOCKER_METADATA_PR_HEAD_SHA`; bake file contents.
 * Not modelled (reported as unsupported, never guessed): see METADATA_MODEL_LIMITS.
 */
import * as pep440 from "@renovate/pep440";
import { parse as parseCsv } from "csv-parse/sync";
import Handlebars from "handlebars";
import moment from "moment-timezone";
import * as semver from "semver";
import { UnsupportedFeature } from "../unsupported.ts";
import type { ActionModel } from "./model.ts";

export interface MetadataInputs {
  readonly images: readonly string[];
  readonly tags: readonly string[];
  readonly flavor: readonly string[];
  readonly labels: readonly string[];
  readonly annotations: readonly string[];
  readonly sepTags: string;
  readonly sepLabels: string;
  readonly sepAnnotations: string;
  readonly bakeTarget: string;
}

/** What the action reads from the run: `github.event_name`, `github.ref`, `github.sha`, the event payload. */
export interface MetadataContext {
  readonly eventName: string;
  readonly ref: string;
  readonly sha: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /** `DOCKER_METADATA_*` variables of the step's environment. */
  readonly env: Readonly<Record<string, string>>;
  /** The commit date when known from outside the payload (the action asks the API then). */
  readonly commitDate?: string;
}

/** The repository as the action fetches it from the API (only the fields it reads). */
export interface RepositoryData {
  readonly name: string;
  readonly description: string;
  readonly html_url: string;
  readonly default_branch: string;
  readonly license?: { readonly spdx_id?: string | null | undefined } | null | undefined;
}

export interface MetadataVersion {
  readonly main: string | undefined;
  readonly partial: readonly string[];
  readonly latest: boolean;
}

export interface MetadataResult {
  readonly version: MetadataVersion;
  readonly tags: readonly string[];
  readonly tagNames: readonly string[];
  readonly labels: readonly string[];
  readonly annotations: readonly string[];
  /** The `json` output, parsed. */
  readonly json: {
    readonly tags: readonly string[];
    readonly "tag-names": readonly string[];
    readonly labels: Readonly<Record<string, string>>;
    readonly annotations: readonly string[];
  };
  /** Every step output as the action sets it (also exported as `DOCKER_METADATA_OUTPUT_<NAME>`), bake-file paths excepted. */
  readonly outputs: Readonly<Record<string, string>>;
  /** The content of a bake file the action writes: tags, labels, tags and labels, or annotations at the given levels. */
  bakeFile(kind: "tags" | "labels" | "tags-labels" | { readonly annotationLevels: readonly string[] }): unknown;
}

/** What the model declines (UnsupportedFeature) instead of guessing; printed by `npm run conformance`. */
export const METADATA_MODEL_LIMITS: readonly string[] = [
  "{{commit_date}} of a commit that is not in the event payload (the action reads it from the GitHub API)",
  "a tz= time zone moment-timezone does not know (the action logs an error and formats in the runner's local time)",
  "context: git",
];

type TagType = "schedule" | "semver" | "pep440" | "match" | "edge" | "ref" | "raw" | "sha";

interface TagRule {
  readonly type: TagType;
  readonly attrs: Record<string, string>;
}

const DEFAULT_PRIORITY: Readonly<Record<TagType, number>> = {
  schedule: 1000,
  semver: 900,
  pep440: 900,
  match: 800,
  edge: 700,
  ref: 600,
  raw: 200,
  sha: 100,
};
const DEFAULT_TAGS = ["type=schedule", "type=ref,event=branch", "type=ref,event=tag", "type=ref,event=pr"];

/** Error the real action fails the step with (invalid input). */
export class MetadataInputError extends Error {}

/** The names a template sees: values, and helpers that Handlebars calls with their parameters and its options last. */
type TemplateScope = Readonly<Record<string, unknown>>;

/** Renders a Handlebars template as the action does; a template the library refuses fails the step, as in the action. */
function render(template: string, scope: TemplateScope): string {
  try {
    return Handlebars.compile(template)(scope);
  } catch (error) {
    if (error instanceof UnsupportedFeature || error instanceof MetadataInputError) throw error;
    throw new MetadataInputError(`cannot render "${template}": ${(error as Error).message.split("\n")[0]}`);
  }
}

/** True when the pattern is exactly one `{{raw}}` mustache, read with the action's Handlebars parser. */
function isRawStatement(pattern: string): boolean {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parseWithoutProcessing(pattern);
  } catch {
    return false;
  }
  const [only] = program.body;
  if (program.body.length !== 1 || only?.type !== "MustacheStatement") return false;
  const path = (only as hbs.AST.MustacheStatement).path as hbs.AST.PathExpression;
  return path.parts?.length === 1 && path.parts[0] === "raw";
}

/** The fields of one list entry, read as a CSV record by csv-parse with the action's options. */
function csvFields(entry: string): string[] {
  try {
    const records = parseCsv(entry, { relaxColumnCount: true, skipEmptyLines: true }) as string[][];
    return records[0] ?? [];
  } catch (error) {
    throw new MetadataInputError(`"${entry}" is not a CSV record (${(error as Error).message}); check its quotes`);
  }
}

/** Splits a multi-line action input into entries: one per line, trimmed, blank lines and `#` comments dropped. */
export function inputList(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

/** Inputs with the action's defaults, from the step's `with:` values. */
export function metadataInputs(withValues: Readonly<Record<string, string>>): MetadataInputs {
  if (withValues["context"] && withValues["context"] !== "workflow") throw new UnsupportedFeature(`context: ${withValues["context"]}`);
  return {
    images: inputList(withValues["images"]),
    tags: inputList(withValues["tags"]),
    flavor: inputList(withValues["flavor"]),
    labels: inputList(withValues["labels"]),
    annotations: inputList(withValues["annotations"]),
    sepTags: withValues["sep-tags"] || "\n",
    sepLabels: withValues["sep-labels"] || "\n",
    sepAnnotations: withValues["sep-annotations"] || "\n",
    bakeTarget: withValues["bake-target"] || "docker-metadata-action",
  };
}

function keyValue(field: string, firstOnly: boolean): [string, string] | [string] {
  const at = field.indexOf("=");
  // The action splits tag fields at the first "=" that follows a key, images and flavors at every "=".
  if (at <= 0) return [field.trim()];
  const rest = field.slice(at + 1);
  return [field.slice(0, at).trim().toLowerCase(), (firstOnly ? rest : rest.split("=")[0]!).trim()];
}

function parseTagRule(entry: string): TagRule {
  const attrs: Record<string, string> = {};
  let type: TagType = "raw";
  for (const field of csvFields(entry)) {
    const kv = keyValue(field, true);
    if (kv.length === 1) {
      attrs["value"] = kv[0];
    } else if (kv[0] === "type") {
      if (!(kv[1] in DEFAULT_PRIORITY)) throw new MetadataInputError(`unknown tag type "${kv[1]}" in "${entry}"`);
      type = kv[1] as TagType;
    } else {
      attrs[kv[0]] = kv[1];
    }
  }
  const need = (key: string) => {
    if (!(key in attrs)) throw new MetadataInputError(`tag "${entry}" has no "${key}" attribute; add ${key}=…`);
  };
  const fallback = (key: string, value: string) => {
    if (!(key in attrs)) attrs[key] = value;
  };
  switch (type) {
    case "schedule":
      fallback("pattern", "nightly");
      break;
    case "semver":
    case "pep440":
      need("pattern");
      fallback("value", "");
      fallback("match", "");
      break;
    case "match":
      need("pattern");
      fallback("group", "0");
      if (Number.isNaN(Number(attrs["group"]))) throw new MetadataInputError(`invalid match group in "${entry}"`);
      fallback("value", "");
      break;
    case "edge":
      fallback("branch", "");
      break;
    case "ref":
      need("event");
      if (!["branch", "tag", "pr"].includes(attrs["event"]!)) throw new MetadataInputError(`invalid event in "${entry}"; use branch, tag or pr`);
      if (attrs["event"] === "pr") fallback("prefix", "pr-");
      break;
    case "raw":
      need("value");
      break;
    case "sha":
      fallback("prefix", "sha-");
      fallback("format", "short");
      if (!["short", "long"].includes(attrs["format"]!)) throw new MetadataInputError(`invalid sha format in "${entry}"; use short or long`);
      break;
  }
  fallback("enable", "true");
  fallback("priority", String(DEFAULT_PRIORITY[type]));
  return { type, attrs };
}

interface Flavor {
  latest: "auto" | "true" | "false";
  prefix: string;
  prefixLatest: boolean;
  suffix: string;
  suffixLatest: boolean;
}

function parseFlavor(entries: readonly string[]): Flavor {
  const flavor: Flavor = { latest: "auto", prefix: "", prefixLatest: false, suffix: "", suffixLatest: false };
  for (const entry of entries) {
    let onLatestFor: "prefix" | "suffix" | "" = "";
    for (const field of csvFields(entry)) {
      const kv = keyValue(field, false);
      if (kv.length === 1) throw new MetadataInputError(`invalid flavor entry "${entry}"; write key=value`);
      const [key, value] = kv;
      if (key === "latest") {
        if (value !== "auto" && value !== "true" && value !== "false") throw new MetadataInputError(`invalid latest flavor "${entry}"; use auto, true or false`);
        flavor.latest = value;
      } else if (key === "prefix" || key === "suffix") {
        flavor[key] = value;
        onLatestFor = key;
      } else if (key === "onlatest") {
        if (value !== "true" && value !== "false") throw new MetadataInputError(`invalid onlatest value "${value}"; use true or false`);
        if (onLatestFor === "prefix") flavor.prefixLatest = value === "true";
        if (onLatestFor === "suffix") flavor.suffixLatest = value === "true";
      } else {
        throw new MetadataInputError(`unknown flavor entry "${entry}"`);
      }
    }
  }
  return flavor;
}

function parseImages(entries: readonly string[]): string[] {
  const names: string[] = [];
  // A single entry of plain names is the legacy comma-separated list.
  if (entries.length === 1) {
    const fields = csvFields(entries[0]!).map((f) => keyValue(f, false));
    if (fields.every((kv) => kv.length === 1)) return fields.map((kv) => kv[0].toLowerCase());
  }
  for (const entry of entries) {
    let name = "";
    let enable = true;
    for (const field of csvFields(entry)) {
      const kv = keyValue(field, false);
      if (kv.length === 1) name = kv[0];
      else if (kv[0] === "name") name = kv[1];
      else if (kv[0] === "enable") {
        if (kv[1] !== "true" && kv[1] !== "false") throw new MetadataInputError(`invalid image enable value in "${entry}"; use true or false`);
        enable = kv[1] === "true";
      } else throw new MetadataInputError(`unknown image attribute in "${entry}"`);
    }
    if (name === "") throw new MetadataInputError(`image entry "${entry}" has no name`);
    if (enable) names.push(name.toLowerCase());
  }
  return names;
}

function record(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function shortSha(sha: string, env: Readonly<Record<string, string>>): string {
  const configured = env["DOCKER_METADATA_SHORT_SHA_LENGTH"];
  const length = configured ? Number(configured) : 7;
  if (Number.isNaN(length)) throw new MetadataInputError(`DOCKER_METADATA_SHORT_SHA_LENGTH "${configured}" is not a number`);
  return length >= sha.length ? sha : sha.slice(0, length);
}

const sanitizeTag = (tag: string) => tag.replace(/[^a-zA-Z0-9._-]+/g, "-");
const TAGS = /^refs\/tags\//;
const HEADS = /^refs\/heads\//;
const PULL = /^refs\/pull\//;

/** Runs the model; throws UnsupportedFeature when the inputs need what it does not model. */
export function computeMetadata(inputs: MetadataInputs, context: MetadataContext, repo: RepositoryData, now: string): MetadataResult {
  let { eventName, ref, sha } = context;
  const payload = context.payload;
  const pullRequest = record(payload["pull_request"]);
  if (/pull_request_target/.test(eventName)) ref = `refs/pull/${String(payload["number"])}/merge`;
  if (/true/i.test(context.env["DOCKER_METADATA_PR_HEAD_SHA"] ?? "") && /pull_request/.test(eventName)) {
    const headSha = record(pullRequest?.["head"])?.["sha"];
    if (typeof headSha === "string") sha = headSha;
  }

  // The action reads the commit's date from the payload, else from the API (not modelled).
  const commitDate = (): Date => {
    if (context.commitDate) return new Date(context.commitDate);
    const commits = Array.isArray(payload["commits"]) ? (payload["commits"] as unknown[]).map(record) : [];
    const fromCommits = commits.find((c) => c?.["id"] === sha)?.["timestamp"];
    const head = record(payload["head_commit"]);
    const timestamp = typeof fromCommits === "string" ? fromCommits : head?.["id"] === sha ? head?.["timestamp"] : undefined;
    if (typeof timestamp !== "string") throw new UnsupportedFeature("{{commit_date}} of a commit not in the event payload (read from the GitHub API)");
    return new Date(timestamp);
  };
  // `{{date 'FORMAT' tz='Zone'}}`: Handlebars passes the format, then its options (the hash).
  const dateHelper =
    (name: string, instant: () => Date) =>
    (...args: unknown[]): string => {
      // Without a parameter the options come first and the action's helper throws.
      if (args.length < 2) throw new MetadataInputError(`{{${name}}} needs a format; write {{${name} 'YYYYMMDD'}}`);
      const [format, options] = args as [unknown, Handlebars.HelperOptions];
      let zone = "UTC";
      for (const [key, value] of Object.entries(options.hash as Record<string, unknown>)) {
        if (key !== "tz") throw new MetadataInputError(`unknown ${key} attribute in {{${name}}}`);
        zone = String(value);
      }
      if (!moment.tz.zone(zone)) throw new UnsupportedFeature(`time zone "${zone}" unknown to moment-timezone`);
      return moment(instant()).tz(zone).format(typeof format === "string" ? format : undefined);
    };
  const dates: TemplateScope = { date: dateHelper("date", () => new Date(now)), commit_date: dateHelper("commit_date", commitDate) };

  const isDefaultBranch = (): string => {
    const branch = ref.replace(HEADS, "");
    if (branch === "") return "false";
    if (record(payload["repository"])?.["default_branch"] === branch) return "true";
    return /create|discussion|issues|schedule/.test(eventName) ? "true" : "false";
  };
  const globals: TemplateScope = {
    branch: () => (HEADS.test(ref) ? ref.replace(HEADS, "") : ""),
    tag: () => (TAGS.test(ref) ? ref.replace(TAGS, "") : ""),
    sha: () => shortSha(sha, context.env),
    base_ref: () => {
      if (TAGS.test(ref) && typeof payload["base_ref"] === "string") return payload["base_ref"].replace(HEADS, "");
      const base = record(pullRequest?.["base"])?.["ref"];
      if (PULL.test(ref) && typeof base === "string") return base;
      return "";
    },
    is_default_branch: isDefaultBranch,
    is_not_default_branch: () => (isDefaultBranch() === "false" ? "true" : "false"),
    ...dates,
  };
  const expand = (text: string) => render(text, globals);

  const rules = (inputs.tags.length ? inputs.tags : DEFAULT_TAGS).map(parseTagRule);
  // Stable sort: equal priorities keep input order.
  rules.sort((a, b) => Number(b.attrs["priority"]) - Number(a.attrs["priority"]));
  const flavor = parseFlavor(inputs.flavor);
  const latestFor = (auto: boolean) => (flavor.latest === "auto" ? auto : flavor.latest === "true");

  const withAffixes = (value: string, rule: TagRule): string => {
    const prefix = "prefix" in rule.attrs ? expand(rule.attrs["prefix"]!) : expand(flavor.prefix);
    const suffix = "suffix" in rule.attrs ? expand(rule.attrs["suffix"]!) : expand(flavor.suffix);
    return `${prefix}${value}${suffix}`;
  };

  let main: string | undefined;
  const partial: string[] = [];
  let latest: boolean | undefined;
  const add = (value: string, isLatest: boolean) => {
    if (value.length === 0) return;
    const tag = sanitizeTag(value);
    if (main === undefined) main = tag;
    else if (tag !== main) partial.push(tag);
    if (latest === undefined) latest = isLatest;
  };
  // semver, pep440 and match read a version from the tag ref, or from value= on any ref.
  const versionSource = (rule: TagRule): string | undefined => {
    if (rule.attrs["value"]!.length > 0) return expand(rule.attrs["value"]!);
    return TAGS.test(ref) ? ref.replace(TAGS, "") : undefined;
  };

  for (const rule of rules) {
    const enabled = expand(rule.attrs["enable"]!);
    if (enabled !== "true" && enabled !== "false") throw new MetadataInputError(`invalid enable value "${enabled}"; it must render to true or false`);
    if (enabled !== "true") continue;
    const attrs = rule.attrs;
    switch (rule.type) {
      case "schedule":
        // A schedule pattern sees only the date helpers, not the global ones.
        if (/schedule/.test(eventName)) add(withAffixes(render(attrs["pattern"]!, dates), rule), latestFor(false));
        break;
      case "semver":
      case "pep440": {
        let raw = versionSource(rule);
        if (raw === undefined) break;
        if (attrs["match"]!.length > 0) {
          const m = raw.match(attrs["match"]!);
          if (m) raw = m[1] ?? "";
        }
        raw = raw.replace(/\//g, "-");
        if (rule.type === "pep440") {
          const explained = pep440.valid(raw) === null ? null : pep440.explain(raw);
          if (!explained) break;
          const unstable = explained.is_prerelease || explained.is_postrelease || explained.is_devrelease;
          const version = raw;
          const scope: TemplateScope = {
            raw: () => version,
            version: () => pep440.clean(version),
            major: () => pep440.major(version),
            minor: () => pep440.minor(version),
            patch: () => pep440.patch(version),
          };
          const rendered = unstable ? (isRawStatement(attrs["pattern"]!) ? raw : (pep440.clean(raw) ?? raw)) : render(attrs["pattern"]!, scope);
          add(withAffixes(rendered, rule), latestFor(!unstable));
          break;
        }
        if (!semver.valid(raw)) break;
        // The action renders the pattern against the parsed version (its raw, version, major, minor, patch, …).
        const parsed = semver.parse(raw, { loose: true });
        if (!parsed) break;
        const prerelease = semver.prerelease(raw) !== null;
        const pattern = prerelease && !isRawStatement(attrs["pattern"]!) ? "{{version}}" : attrs["pattern"]!;
        add(withAffixes(render(pattern, parsed as unknown as TemplateScope), rule), latestFor(!prerelease));
        break;
      }
      case "match": {
        const raw = versionSource(rule);
        if (raw === undefined) break;
        const literal = /^\/(.+)\/(.*)$/.exec(attrs["pattern"]!);
        const m = literal ? raw.match(new RegExp(literal[1]!, literal[2])) : raw.match(attrs["pattern"]!);
        const group = m?.[Number(attrs["group"])];
        if (group === undefined) break;
        add(withAffixes(group, rule), latestFor(true));
        break;
      }
      case "ref": {
        const event = attrs["event"];
        if (event === "branch" && HEADS.test(ref)) add(withAffixes(ref.replace(HEADS, ""), rule), latestFor(false));
        if (event === "tag" && TAGS.test(ref)) add(withAffixes(ref.replace(TAGS, ""), rule), latestFor(true));
        if (event === "pr" && PULL.test(ref)) add(withAffixes(ref.replace(PULL, "").replace(/\/merge$/, ""), rule), latestFor(false));
        break;
      }
      case "edge": {
        if (!HEADS.test(ref)) break;
        const branch = attrs["branch"] || repo.default_branch;
        if (branch === ref.replace(HEADS, "")) add(withAffixes("edge", rule), latestFor(false));
        break;
      }
      case "raw":
        add(withAffixes(expand(attrs["value"]!), rule), latestFor(false));
        break;
      case "sha":
        if (sha) add(withAffixes(attrs["format"] === "short" ? shortSha(sha, context.env) : sha, rule), latestFor(false));
        break;
    }
  }
  const dedupedPartial = partial.filter((value, index) => partial.indexOf(value) === index);
  const version: MetadataVersion = { main, partial: dedupedPartial, latest: latest ?? false };

  const names: string[] = [];
  if (main !== undefined) {
    names.push(main, ...dedupedPartial);
    if (version.latest) names.push(sanitizeTag(`${flavor.prefixLatest ? flavor.prefix : ""}latest${flavor.suffixLatest ? flavor.suffix : ""}`));
  }
  const images = parseImages(inputs.images);
  const tags = images.length ? images.flatMap((image) => names.map((name) => `${image}:${name}`)) : names;

  const withCustoms = (extra: readonly string[]): string[] => {
    const entries = [
      `org.opencontainers.image.title=${repo.name}`,
      `org.opencontainers.image.description=${repo.description}`,
      `org.opencontainers.image.url=${repo.html_url}`,
      `org.opencontainers.image.source=${repo.html_url}`,
      `org.opencontainers.image.version=${main ?? ""}`,
      `org.opencontainers.image.created=${now}`,
      `org.opencontainers.image.revision=${sha}`,
      `org.opencontainers.image.licenses=${repo.license?.spdx_id ?? ""}`,
      ...extra.map(expand),
    ];
    const byKey = new Map<string, string>();
    for (const entry of entries) {
      const at = entry.indexOf("=");
      if (at >= 0) byKey.set(entry.slice(0, at), entry.slice(at + 1));
    }
    return [...byKey].sort(([a], [b]) => a.localeCompare(b, "en")).map(([key, value]) => `${key}=${value}`);
  };
  const labels = withCustoms(inputs.labels);
  const annotations = withCustoms(inputs.annotations);
  const levels = (context.env["DOCKER_METADATA_ANNOTATIONS_LEVELS"] || "manifest").split(",");
  const leveled = levels.flatMap((level) => annotations.map((a) => `${level}:${a}`));
  const json = {
    tags,
    "tag-names": names,
    labels: Object.fromEntries(labels.map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)])),
    annotations: leveled,
  };
  const outputs = {
    version: main ?? "",
    tags: tags.join(inputs.sepTags),
    "tag-names": names.join(inputs.sepTags),
    labels: labels.join(inputs.sepLabels),
    annotations: leveled.join(inputs.sepAnnotations),
    json: JSON.stringify(json),
  };
  const args = { DOCKER_META_IMAGES: images.join(","), ...(main === undefined ? {} : { DOCKER_META_VERSION: main }) };
  const bakeFile: MetadataResult["bakeFile"] = (kind) => {
    const definition =
      kind === "tags"
        ? { tags, args }
        : kind === "labels"
          ? { labels: json.labels }
          : kind === "tags-labels"
            ? { tags, labels: json.labels, args }
            : { annotations: kind.annotationLevels.flatMap((level) => annotations.map((a) => `${level}:${a}`)) };
    return { target: { [inputs.bakeTarget]: definition } };
  };
  return { version, tags, tagNames: names, labels, annotations, json, outputs, bakeFile };
}

/** The step-level model: evaluated `with:` in, the action's outputs (and their env exports) out. */
export const metadataActionModel: ActionModel = {
  action: "docker/metadata-action",
  describes: "tags, labels, annotations, json, version (conformance-checked model)",
  run({ with: withValues, env, github, event }) {
    const repo: RepositoryData = {
      name: event.repo,
      description: "",
      html_url: `https://github.com/${event.owner}/${event.repo}`,
      default_branch: event.defaultBranch,
    };
    const context: MetadataContext = { eventName: github.event_name, ref: github.ref, sha: github.sha, payload: github.event, env };
    let result: MetadataResult;
    try {
      result = computeMetadata(metadataInputs(withValues), context, repo, new Date(event.timestamp).toISOString());
    } catch (error) {
      if (error instanceof MetadataInputError) return { outcome: "failure", outputs: {}, summary: "invalid input", error: error.message };
      throw error;
    }
    const exported = Object.fromEntries(Object.entries(result.outputs).map(([name, value]) => [`DOCKER_METADATA_OUTPUT_${name.replace(/\W/g, "_").toUpperCase()}`, value]));
    return {
      outcome: "success",
      outputs: result.outputs,
      env: exported,
      summary: result.tags.length ? `tags: ${result.tags.join(", ")}` : "no tag enabled (tags output empty)",
    };
  },
};
