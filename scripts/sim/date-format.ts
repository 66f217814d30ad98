/**
 * Formats an instant the way metadata-action's `{{date}}` and `{{commit_date}}`
 * helpers do (moment-timezone format strings, a `tz` that defaults to UTC). Models
 * the numeric tokens (YYYY YY MM M DD D HH H mm m ss s SSS Z ZZ), `[literal]` text
 * and moment's default format; any other moment token is reported as unsupported.
 */
import { UnsupportedFeature } from "./unsupported.ts";

// Moment's format tokens, longest first, then "[...]" literals, then any other character.
const TOKEN = /\[[^[]*\]|YYYYYY|YYYYY|YYYY|YY|y{2,4}|MMMM|MMM|MM|Mo|M|DDDD|DDDo|DDD|DD|Do|D|dddd|ddd|dd|do|d|Qo|Q|ww|wo|w|WW|Wo|W|e|E|gg(?:ggg?)?|GG(?:GGG?)?|A|a|HH|H|hh|h|kk|k|mm|m|ss|s|S{1,9}|x|X|zz?|ZZ?|N{1,5}|[\s\S]/g;
const MOMENT_LETTERS = /^[YyMDdQwWeEgGAaHhkmsSxXzZN]/;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offsetMinutes: number;
}

function partsIn(instant: Date, timeZone: string): Parts {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
  } catch {
    throw new UnsupportedFeature(`time zone "${timeZone}"`);
  }
  const get = (type: string) => Number(format.formatToParts(instant).find((p) => p.type === type)?.value);
  const parts = { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second"), millisecond: instant.getUTCMilliseconds() };
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, parts.millisecond);
  return { ...parts, offsetMinutes: Math.round((asUtc - instant.getTime()) / 60000) };
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

function offset(minutes: number, separator: string): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${separator}${pad(abs % 60, 2)}`;
}

/** Formats `instant` with a moment format (undefined: moment's default format) in a time zone. */
export function formatDate(instant: Date, format: string | undefined, timeZone = "UTC"): string {
  const p = partsIn(instant, timeZone);
  // Moment's default format ends in "Z" for an instant at UTC and in the offset otherwise.
  const pattern = format ?? (p.offsetMinutes === 0 ? "YYYY-MM-DDTHH:mm:ss[Z]" : "YYYY-MM-DDTHH:mm:ssZ");
  const values: Readonly<Record<string, string>> = {
    YYYY: pad(p.year, 4),
    YY: pad(p.year % 100, 2),
    MM: pad(p.month, 2),
    M: String(p.month),
    DD: pad(p.day, 2),
    D: String(p.day),
    HH: pad(p.hour, 2),
    H: String(p.hour),
    mm: pad(p.minute, 2),
    m: String(p.minute),
    ss: pad(p.second, 2),
    s: String(p.second),
    SSS: pad(p.millisecond, 3),
    Z: offset(p.offsetMinutes, ":"),
    ZZ: offset(p.offsetMinutes, ""),
  };
  return (pattern.match(TOKEN) ?? [])
    .map((token) => {
      if (token.startsWith("[")) return token.slice(1, -1);
      const value = values[token];
      if (value !== undefined) return value;
      if (MOMENT_LETTERS.test(token)) throw new UnsupportedFeature(`date format token "${token}"`);
      return token;
    })
    .join("");
}
