/** How the dashboard writes numbers, days and links: Intl formatters for the admin's locale. */
import { noon } from './grouping';

/** Intl formatters for the locale, falling back to the runtime's own when it is not a valid tag. */
export function formatters(locale: string) {
  let tag: string | undefined = locale;
  try {
    new Intl.NumberFormat(tag);
  } catch {
    tag = undefined;
  }
  const date = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(tag, options);
  const number = new Intl.NumberFormat(tag);
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
  const megabytes = new Intl.NumberFormat(tag, {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  });
  const longDay = date({ day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const shortDay = date({ day: 'numeric', month: 'short', timeZone: 'UTC' });
  const longMonth = date({ month: 'long', year: 'numeric', timeZone: 'UTC' });
  const shortMonth = date({ month: 'short', year: '2-digit', timeZone: 'UTC' });
  const moment = date({ dateStyle: 'medium' });
  const list = new Intl.ListFormat(tag, { type: 'unit' });
  return {
    number: (value: number) => number.format(value),
    percent: (value: number) => percent.format(value),
    megabytes: (bytes: number) => megabytes.format(bytes / 1_000_000),
    longDay: (day: string) => longDay.format(noon(day)),
    shortDay: (day: string) => shortDay.format(noon(day)),
    longMonth: (day: string) => longMonth.format(noon(day)),
    shortMonth: (day: string) => shortMonth.format(noon(day)),
    moment: (ms: number) => moment.format(new Date(ms)),
    list: (items: string[]) => list.format(items),
  };
}

export type Formatters = ReturnType<typeof formatters>;

/** A link target only for web addresses: a `javascript:` or `data:` URL from a source stays text. */
export function safeHref(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
