/**
 * The simulated Docker daemon of one job and the run's registry, as the docker stub
 * keeps them on disk: a file of image references and a log of saves and loads. The
 * action models and the stub share this one format.
 */
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";

function lines(file: string): string[] {
  return readFileSync(file, "utf8").split("\n").filter((l) => l !== "");
}

/** The image references the daemon (or registry) holds. */
export function storedRefs(dir: string): string[] {
  return lines(join(dir, "refs"));
}

/** Adds references (a build with load, a push), keeping each once. */
export function storeRefs(dir: string, refs: readonly string[]): void {
  const have = new Set(storedRefs(dir));
  for (const ref of refs) {
    if (have.has(ref)) continue;
    appendFileSync(join(dir, "refs"), `${ref}\n`);
    have.add(ref);
  }
}

export interface DaemonEvent {
  readonly kind: "save" | "load";
  readonly ref: string;
}

/** What `docker save` and `docker load` did in this daemon, in order. */
export function daemonEvents(dir: string): DaemonEvent[] {
  return lines(join(dir, "events")).map((line) => {
    const [kind, ref] = line.split(" ");
    return { kind: kind === "save" ? "save" : "load", ref: ref ?? "" };
  });
}
