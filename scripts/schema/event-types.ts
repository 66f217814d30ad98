/**
 * Generates `generated/workflow-events.ts`: the trigger events a workflow may name,
 * read from GitHub's own workflow schema (shipped by `@actions/workflow-parser`) —
 * for each event its description, its activity types and the pattern filters it
 * takes. The kit types `on:` from it, so a new event or activity type reaches the
 * kit by updating the package and running `npm run gen`, never by editing a list.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { GeneratedFile } from "../files/generated-file.ts";
import { withHeader } from "../files/header.ts";
import { ValidationError } from "../files/validation-error.ts";

/** The generated file, relative to the project root. */
export const eventTypesFile = "generated/workflow-events.ts";

/** The events whose configuration is not activity types and filters; the kit types them itself. */
export const KIT_TYPED_EVENTS = ["schedule", "workflow_call", "workflow_dispatch"] as const;

const schemaSource = "@actions/workflow-parser's workflow schema";

/** A definition of the schema, as far as this generator reads it. */
export interface Definition {
  description?: string;
  "one-of"?: string[];
  mapping?: { properties?: Record<string, string | { type: string }> };
  sequence?: { "item-type": string };
  "allowed-values"?: string[];
  null?: object;
  string?: object;
}

/** One event as the generated file describes it. */
export interface EventFacts {
  name: string;
  description: string;
  /** Allowed activity types; `"string"` when any name is allowed; empty when the event takes none. */
  activities: readonly string[] | "string";
  /** Pattern filters besides `types` (`branches`, `paths`, …), each a string or a list of strings. */
  filters: readonly string[];
  /** Whether the event takes a mapping (else only an empty value). */
  configurable: boolean;
}

/** The definitions of the workflow schema the installed parser ships. */
export function schemaDefinitions(): Readonly<Record<string, Definition>> {
  const schemaPath = fileURLToPath(new URL("workflow-v1.0.min.json", import.meta.resolve("@actions/workflow-parser")));
  return (JSON.parse(readFileSync(schemaPath, "utf8")) as { definitions: Record<string, Definition> }).definitions;
}

/** The generated file, from the schema the installed parser ships. */
export function eventTypeFiles(): GeneratedFile[] {
  return [{ path: eventTypesFile, content: withHeader("slash", schemaSource, renderEventTypes(readEvents(schemaDefinitions()))) }];
}

/**
 * The events of the schema's strict `on:` mapping.
 * @throws ValidationError when an event takes a kind of configuration this generator does not know
 */
export function readEvents(definitions: Readonly<Record<string, Definition>>): EventFacts[] {
  const definition = (name: string): Definition => {
    const found = definitions[name];
    if (!found) throw new ValidationError([`${schemaSource}: has no definition "${name}"; update @actions/workflow-parser or this generator`]);
    return found;
  };
  const properties = definition("on-mapping-strict").mapping?.properties ?? {};
  const problems: string[] = [];
  const events = Object.entries(properties).map(([name, ref]) => {
    const event = definition(typeName(ref));
    // "null" in a one-of is the schema's built-in empty value, not a definition.
    const mapping = [event, ...(event["one-of"] ?? []).filter((option) => option !== "null").map(definition)].find((d) => d.mapping);
    const facts: EventFacts = { name, description: event.description ?? "", activities: [], filters: [], configurable: mapping !== undefined };
    if ((KIT_TYPED_EVENTS as readonly string[]).includes(name)) return facts;
    const filters: string[] = [];
    for (const [property, propertyRef] of Object.entries(mapping?.mapping?.properties ?? {})) {
      const type = typeName(propertyRef);
      if (property === "types") {
        facts.activities = type === "sequence-of-non-empty-string" ? "string" : activityTypes(definition, type);
      } else if (isPatternList(definition, type)) {
        filters.push(property);
      } else {
        problems.push(`${schemaSource}: event "${name}" takes "${property}" (${type}), which is neither activity types nor a pattern filter; teach scripts/schema/event-types.ts and the kit this configuration`);
      }
    }
    facts.filters = filters;
    return facts;
  });
  if (problems.length) throw new ValidationError(problems);
  return events;
}

function typeName(ref: string | { type: string }): string {
  return typeof ref === "string" ? ref : ref.type;
}

/** The allowed values of an activity definition: one type, or a sequence of them. */
function activityTypes(definition: (name: string) => Definition, name: string): string[] {
  const values = new Set<string>();
  const visit = (d: Definition): void => {
    for (const value of d["allowed-values"] ?? []) values.add(value);
    for (const option of d["one-of"] ?? []) visit(definition(option));
    if (d.sequence) visit(definition(d.sequence["item-type"]));
  };
  visit(definition(name));
  return [...values];
}

/** A filter is a non-empty string or a sequence of them. */
function isPatternList(definition: (name: string) => Definition, name: string): boolean {
  const options = definition(name)["one-of"] ?? [];
  return options.length === 2 && options.includes("non-empty-string") && options.includes("sequence-of-non-empty-string");
}

/** The text of the generated module (without header). */
export function renderEventTypes(events: readonly EventFacts[]): string {
  const entries = events.map((event) => {
    const activities = event.activities === "string" ? "string" : event.activities.length ? event.activities.map((a) => JSON.stringify(a)).join(" | ") : "never";
    const filters = event.filters.length ? event.filters.map((f) => JSON.stringify(f)).join(" | ") : "never";
    return (
      docComment(event.description) +
      `  readonly ${event.name}: { readonly activities: ${activities}; readonly filters: ${filters}; readonly configurable: ${event.configurable} };\n`
    );
  });
  return (
    "\n" +
    "/**\n" +
    " * The events that can trigger a workflow, from GitHub's workflow schema: for each,\n" +
    " * its activity types (`never` when it takes none), the pattern filters it takes\n" +
    " * besides `types`, and whether it takes a mapping at all. `schedule`,\n" +
    " * `workflow_call` and `workflow_dispatch` are configured otherwise; the kit types them.\n" +
    " */\n" +
    `export interface WorkflowEvents {\n${entries.join("")}}\n`
  );
}

function docComment(text: string): string {
  const firstParagraph = text.split("\n\n")[0]?.trim() ?? "";
  if (!firstParagraph) return "";
  // Schema text may hold "*/", which would end the comment.
  return `  /** ${firstParagraph.replace(/\s*\n\s*/g, " ").replaceAll("*/", "*\\/")} */\n`;
}
