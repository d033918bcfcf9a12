/**
 * When to try a delivery again: HTTP dates and Retry-After as RFC 9110 reads them, and exponential
 * backoff with full jitter. Pure.
 */

export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 6 * 3600_000;
/** A Retry-After further away than this is read as this: a typo on the server must not park a flag for years. */
export const RETRY_AFTER_CAP_MS = 24 * 3600_000;
/** Full jitter can draw 0; a floor keeps a failing server from being hit in a tight loop. */
const MIN_DELAY_MS = 1000;

const WEEKDAYS = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = MONTHS.join('|');
// RFC 9110 §5.6.7: recipients accept the preferred IMF-fixdate and the two obsolete forms.
const IMF_FIXDATE = new RegExp(
  `^(?:${WEEKDAYS}), (\\d{2}) (${MONTH}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`,
);
const RFC850_DATE = new RegExp(
  `^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d{2})-(${MONTH})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`,
);
const ASCTIME_DATE = new RegExp(
  `^(?:${WEEKDAYS}) (${MONTH}) ([ \\d]\\d) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})$`,
);

function utc(year: number, month: string, day: number, h: number, m: number, s: number): number | null {
  const monthIndex = MONTHS.indexOf(month);
  if (monthIndex < 0 || h > 23 || m > 59 || s > 60) return null;
  const time = Date.UTC(year, monthIndex, day, h, m, Math.min(s, 59));
  // Date.UTC rolls 31 Feb over into March; such a date is garbage, not a time.
  return new Date(time).getUTCDate() === day ? time : null;
}

/** Epoch ms of an HTTP-date, or null when the text is not one. */
export function parseHttpDate(text: string, now: number): number | null {
  let match = IMF_FIXDATE.exec(text);
  if (match) {
    const [d = '', mon = '', y = '', h = '', m = '', s = ''] = match.slice(1);
    return utc(Number(y), mon, Number(d), Number(h), Number(m), Number(s));
  }
  match = RFC850_DATE.exec(text);
  if (match) {
    const [d = '', mon = '', yy = '', h = '', m = '', s = ''] = match.slice(1);
    // Two-digit years more than 50 years ahead belong to the previous century (RFC 9110).
    let year = 2000 + Number(yy);
    if (year > new Date(now).getUTCFullYear() + 50) year -= 100;
    return utc(year, mon, Number(d), Number(h), Number(m), Number(s));
  }
  match = ASCTIME_DATE.exec(text);
  if (match) {
    const [mon = '', d = '', h = '', m = '', s = '', y = ''] = match.slice(1);
    return utc(Number(y), mon, Number(d.trim()), Number(h), Number(m), Number(s));
  }
  return null;
}

/**
 * The wait a Retry-After header asks for, in ms (delay-seconds or an HTTP-date; a date in the past
 * asks for none), cut to {@link RETRY_AFTER_CAP_MS}. Null for an absent or unreadable header.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  const text = value?.trim();
  if (!text) return null;
  let wait: number | null = null;
  if (/^\d+$/.test(text)) wait = Number(text) * 1000;
  else {
    const at = parseHttpDate(text, now);
    if (at !== null) wait = Math.max(0, at - now);
  }
  return wait === null ? null : Math.min(wait, RETRY_AFTER_CAP_MS);
}

/** Exponential backoff with full jitter: a random wait up to 30 s × 2^(attempt − 1), at most 6 h. */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  const draw = Math.min(Math.max(random(), 0), 1);
  return Math.max(MIN_DELAY_MS, Math.floor(draw * ceiling));
}
