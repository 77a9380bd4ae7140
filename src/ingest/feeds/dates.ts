// Feed dates to ISO 8601 instants. Feeds use RFC 822 (RSS), W3C-DTF / ISO 8601 (Atom, Dublin
// Core) and many near misses of both; Date.parse alone reads local time for zone-less values and
// rejects military zones, so the two common shapes are read here and Date.parse is the last resort.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// Offsets in minutes of the zone names RFC 822 and common feeds use.
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0, bst: 60, cet: 60, cest: 120, met: 60, eet: 120, eest: 180, msk: 180,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600, ast: -240, adt: -180, nst: -210, ndt: -150,
  ist: 330, jst: 540, kst: 540, hkt: 480, sgt: 480, aest: 600, aedt: 660, acst: 570, awst: 480, nzst: 720, nzdt: 780,
};

function militaryZone(letter: string): number | undefined {
  // RFC 822 military zones: A-I = -1..-9, K-M = -10..-12, N-Y = +1..+12 (RFC 1123 notes the signs
  // were specified backwards; feeds follow the letter of RFC 822).
  const c = letter.charCodeAt(0);
  if (c >= 97 && c <= 105) return -(c - 96) * 60;
  if (c >= 107 && c <= 109) return -(c - 97) * 60;
  if (c >= 110 && c <= 121) return (c - 109) * 60;
  return undefined;
}

/** Zone text to an offset in minutes east of UTC; undefined when unknown, null when absent. */
function zoneOffset(zone: string | undefined): number | null | undefined {
  if (!zone) return null;
  const z = zone.trim().toLowerCase();
  if (z === '') return null;
  const numeric = /^(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  if (z in ZONES) return ZONES[z];
  if (z.length === 1) return militaryZone(z);
  return undefined;
}

function instant(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset: number): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 61) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms) - offset * 60_000;
  const date = new Date(t);
  if (!Number.isFinite(t) || date.getUTCFullYear() < 1000) return null;
  return date.toISOString();
}

const fullYear = (y: string) => (y.length === 2 ? (Number(y) < 50 ? 2000 : 1900) + Number(y) : Number(y));

const ISO_RE = /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[T\s]+(\d{1,2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?\s*(z|[+-]\d{1,2}(?::?\d{2})?|[a-z]{1,5})?$/i;

function parseIso(s: string): string | null | undefined {
  const m = ISO_RE.exec(s);
  if (!m) return undefined;
  const offset = zoneOffset(m[8]);
  if (offset === undefined) return undefined;
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  return instant(Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms, offset ?? 0);
}

// [Weekday,] DD Mon YYYY [HH:MM[:SS]] [zone], with the separators feeds really use.
const RFC822_RE = /^(?:[a-z]+\.?,?\s*)?(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{2,4})(?:[\s,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(\(?[a-z]{1,5}\)?|(?:gmt|utc)?[+-]\d{1,2}:?\d{2})?\.?$/i;
// [Weekday,] Mon DD[,] YYYY [HH:MM[:SS]] [zone]: the American order.
const MONTH_FIRST_RE = /^(?:[a-z]+\.?,?\s*)?([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})(?:[\s,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([a-z]{1,5}|[+-]\d{2}:?\d{2})?$/i;

function parseRfc822(s: string): string | null | undefined {
  let day: string, mon: string, year: string, rest: (string | undefined)[];
  const dmy = RFC822_RE.exec(s);
  const mdy = dmy ? null : MONTH_FIRST_RE.exec(s);
  if (dmy) [, day, mon, year, ...rest] = dmy as unknown as [string, string, string, string, ...(string | undefined)[]];
  else if (mdy) [, mon, day, year, ...rest] = mdy as unknown as [string, string, string, string, ...(string | undefined)[]];
  else return undefined;
  const month = MONTHS.indexOf(mon.toLowerCase()) + 1;
  if (month === 0) return undefined;
  const [h, mi, sec, zone] = rest;
  const offset = zoneOffset(zone?.replace(/[()]/g, ''));
  if (offset === undefined) return undefined;
  return instant(fullYear(year), month, Number(day), Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0), 0, offset ?? 0);
}

/** A feed date as an ISO 8601 UTC instant, or null when it cannot be read. */
export function parseFeedDate(value: string | null | undefined): string | null {
  const s = value?.trim().replace(/\s+/g, ' ');
  // Real dates are short; a long value is not one, and would only feed the patterns below.
  if (!s || s.length > 128) return null;
  const known = parseIso(s) ?? parseRfc822(s);
  if (known !== undefined) return known;
  const t = Date.parse(s);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}
