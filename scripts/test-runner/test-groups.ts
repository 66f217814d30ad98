/**
 * How `npm test` shares the test files out among its processes: longest first, each to
 * the group with the least time so far (the longest-processing-time rule), by the time
 * each file's tests took in the runs before. A file never timed counts as the median of
 * the ones that were, so a new file lands like an average one.
 */

/**
 * The time to remember for a file that took `now` seconds and was remembered at
 * `before`: their mean. A file's time swings by half from one run to the next with what
 * runs beside it and how busy the machine is; one run remembered alone made groups that
 * ended seconds apart.
 */
export function rememberedSeconds(before: number | undefined, now: number): number {
  return isTime(before) ? (before + now) / 2 : now;
}

/** Whether a remembered value is a time (the cache is a file anyone can edit). */
const isTime = (value: number | undefined): value is number => value !== undefined && Number.isFinite(value) && value >= 0;

/** The files split into at most `count` groups of near-equal total time; no group is empty. */
export function testGroups(files: readonly string[], count: number, seconds: Readonly<Record<string, number>>): string[][] {
  const known = files.map((file) => seconds[file]).filter(isTime);
  const typical = known.length ? known.sort((a, b) => a - b)[Math.floor(known.length / 2)]! : 1;
  const timeOf = (file: string): number => {
    const time = seconds[file];
    return isTime(time) ? time : typical;
  };
  // Ties keep the files' own order, so the same timings always give the same groups.
  const ordered = files.map((file, index) => ({ file, index, time: timeOf(file) })).sort((a, b) => b.time - a.time || a.index - b.index);
  const groups = Array.from({ length: Math.max(1, Math.min(count, files.length)) }, () => ({ files: [] as string[], time: 0 }));
  for (const { file, time } of ordered) {
    const lightest = groups.reduce((best, group) => (group.time < best.time ? group : best));
    lightest.files.push(file);
    lightest.time += time;
  }
  return groups.map((group) => group.files).filter((group) => group.length > 0);
}
