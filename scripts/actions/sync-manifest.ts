/**
 * Refreshes the manifest's facts from action metadata at the pinned commits. The
 * manifest's pins decide which actions and which commits; a metadata source only
 * supplies the `action.yml` text. Every action is read before anything is reported,
 * so one run lists every problem.
 */
import { isWorkflowKey, type ActionFacts, type ActionManifest, type PinTable } from "./action-manifest.ts";
import { ValidationError } from "../files/validation-error.ts";
import { parseActionMetadata, parseWorkflowCallMetadata } from "./action-metadata.ts";

/** Where metadata comes from: a local folder or GitHub's API. */
export interface MetadataSource {
  /**
   * Returns the text of the action's metadata file and a name for it in messages, or
   * where it looked when the source does not hold that action at all (a folder with
   * the metadata of a few actions only).
   */
  read(action: string, pin: { commit: string; tag: string }): Promise<{ text: string; file: string } | { absent: string }>;
}

/**
 * Builds the new manifest from the pin table; throws a `ValidationError` listing every
 * failure. An action the source does not hold keeps the facts it has; one without facts
 * yet (a new pin) is a problem.
 */
export async function syncManifest(table: PinTable, source: MetadataSource): Promise<ActionManifest> {
  const entries = Object.entries(table.actions);
  const results = await Promise.allSettled(
    entries.map(async ([action, pin]): Promise<[string, ActionFacts]> => {
      const found = await source.read(action, pin);
      if ("absent" in found) {
        // The folder does not hold this one: its facts stay as the manifest has them.
        if (pin.inputs && pin.outputs) return [action, { ...pin, inputs: pin.inputs, outputs: pin.outputs }];
        throw new ValidationError([`${found.absent}: not found, and "${action}" is a new pin without metadata; add its ${isWorkflowKey(action) ? "workflow file" : "action.yml"} at ${pin.commit} there`]);
      }
      const facts = isWorkflowKey(action) ? parseWorkflowCallMetadata(found.text, found.file) : parseActionMetadata(found.text, found.file);
      return [action, { commit: pin.commit, tag: pin.tag, ...facts }];
    }),
  );
  const problems = results.flatMap((r) =>
    r.status === "rejected" ? (r.reason instanceof ValidationError ? r.reason.problems : [String((r.reason as Error).message ?? r.reason)]) : [],
  );
  // Actions of one repository share a tag: a wrong tag is reported once.
  if (problems.length) throw new ValidationError([...new Set(problems)]);
  const synced = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  return { actions: Object.fromEntries(synced) };
}

/** What changed between two manifests, one line per fact, for the command's report. */
export function manifestChanges(before: PinTable, after: ActionManifest): string[] {
  const changes: string[] = [];
  for (const [action, facts] of Object.entries(after.actions)) {
    const old = before.actions[action];
    if (!old?.inputs || !old.outputs) {
      changes.push(`"${action}": metadata added (${Object.keys(facts.inputs).length} inputs, ${facts.outputs.length} outputs)`);
      continue;
    }
    const found: string[] = [];
    for (const [name, input] of Object.entries(facts.inputs)) {
      const was = Object.hasOwn(old.inputs, name) ? old.inputs[name] : undefined;
      if (!was) found.push(`"${action}": input "${name}" added`);
      else if (JSON.stringify(was) !== JSON.stringify(input)) found.push(`"${action}": input "${name}" changed from ${JSON.stringify(was)} to ${JSON.stringify(input)}`);
    }
    for (const name of Object.keys(old.inputs)) if (!Object.hasOwn(facts.inputs, name)) found.push(`"${action}": input "${name}" removed`);
    for (const name of facts.outputs) if (!old.outputs.includes(name)) found.push(`"${action}": output "${name}" added`);
    for (const name of old.outputs) if (!facts.outputs.includes(name)) found.push(`"${action}": output "${name}" removed`);
    if (!found.length && JSON.stringify(old) !== JSON.stringify(facts)) found.push(`"${action}": order of inputs or outputs changed`);
    changes.push(...found);
  }
  return changes;
}
