/**
 * The machine's memory folder: /dev/shm where it is a tmpfs that may run programs and
 * has room to spare. Work that makes and removes many small files (a simulated run's
 * sandboxes, the test suite's throw-away projects) costs less there than on a disk,
 * whose file system journals every file made and removed.
 */
import { accessSync, constants, readFileSync, statfsSync } from "node:fs";
import { tmpdir } from "node:os";

const MEMORY_FOLDER = "/dev/shm";
const MEMORY_FOLDER_ROOM_BYTES = 1024 ** 3;
let found: string | undefined;

/**
 * Whether `/proc/self/mountinfo` text shows the memory folder as a tmpfs that allows
 * running programs (the simulation's stand-ins run from it; Docker mounts it noexec).
 */
export function memoryFolderUsable(mountinfo: string): boolean {
  // Fields: id, parent, device, root, mount point, mount options, optional fields, "-", type, source, super options.
  // The last mount on the folder is the one in effect.
  const mount = mountinfo
    .split("\n")
    .map((line) => line.split(" "))
    .filter((fields) => fields[4] === MEMORY_FOLDER)
    .at(-1);
  if (!mount) return false;
  return !(mount[5] ?? "").split(",").includes("noexec") && mount[mount.indexOf("-") + 1] === "tmpfs";
}

/** The memory folder when this machine has a usable one with room to spare, else undefined; looked up once per process. */
export function memoryFolder(): string | undefined {
  found ??= (() => {
    try {
      accessSync(MEMORY_FOLDER, constants.W_OK);
      const room = statfsSync(MEMORY_FOLDER);
      return memoryFolderUsable(readFileSync("/proc/self/mountinfo", "utf8")) && room.bavail * room.bsize >= MEMORY_FOLDER_ROOM_BYTES ? MEMORY_FOLDER : "";
    } catch {
      return "";
    }
  })();
  return found || undefined;
}

/**
 * Where to make folders of many small, short-lived files: in TMPDIR when it is set (the
 * user chose), else in the memory folder, else in the system's temporary folder.
 */
export function scratchParent(): string {
  return process.env["TMPDIR"] ? tmpdir() : (memoryFolder() ?? tmpdir());
}
