/**
 * The attention budget: one budget across all tools for the interruptions Signpost allows itself
 * (announcements of new capabilities). The badge count is not an interruption and is not budgeted.
 *
 *   may announce?  ── backoff after a run of dismissals ── quiet hours ── daily cap ── minimum gap
 *
 * Pure: time comes in as `now` plus the local clock reading the caller computed for it.
 */
import { isRecord } from '../model';

export interface BudgetSettings {
  /** Most announcements per local day, across all tools. */
  maxPerDay: number;
  /** Least time between two announcements. */
  minGapMinutes: number;
  /** Local time window with no announcements ("18:00"–"08:00" spans midnight); null: none. */
  quietHours: { start: string; end: string } | null;
  /** A tip stops being offered after this many views of the panel that showed it, unless marked helpful. */
  maxViews: number;
  /** This many dismissed announcements in a row… */
  backoffAfter: number;
  /** …pause announcements for this many hours. */
  backoffHours: number;
}

export const DEFAULT_BUDGET: BudgetSettings = {
  maxPerDay: 3,
  minGapMinutes: 60,
  quietHours: null,
  maxViews: 5,
  backoffAfter: 3,
  backoffHours: 72,
};

export interface BudgetState {
  /** Recent announcements (pruned after two days). */
  shown: { itemId: string; at: number; day: string }[];
  /** Announcements dismissed in a row without engaging with any. */
  streak: number;
  /** No announcements before this time (epoch ms). */
  backoffUntil: number;
}

export const EMPTY_BUDGET: BudgetState = { shown: [], streak: 0, backoffUntil: 0 };

/** The local clock reading for a moment: the day (YYYY-MM-DD) and minutes since local midnight. */
export interface LocalTime {
  day: string;
  minutes: number;
}

export function localTime(now: number): LocalTime {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    day: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    minutes: d.getHours() * 60 + d.getMinutes(),
  };
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(hhmm: string): number {
  const match = HHMM.exec(hhmm);
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
}

export function inQuietHours(quiet: BudgetSettings['quietHours'], minutes: number): boolean {
  if (!quiet) return false;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (Number.isNaN(start) || Number.isNaN(end) || start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

export type Verdict = { ok: true } | { ok: false; reason: 'backoff' | 'quiet-hours' | 'daily-cap' | 'gap' };

/** Whether an announcement may be shown now. */
export function mayAnnounce(
  state: BudgetState,
  settings: BudgetSettings,
  now: number,
  local: LocalTime,
): Verdict {
  if (now < state.backoffUntil) return { ok: false, reason: 'backoff' };
  if (inQuietHours(settings.quietHours, local.minutes)) return { ok: false, reason: 'quiet-hours' };
  if (state.shown.filter((entry) => entry.day === local.day).length >= settings.maxPerDay) {
    return { ok: false, reason: 'daily-cap' };
  }
  const last = state.shown.reduce((latest, entry) => Math.max(latest, entry.at), 0);
  if (last && now - last < settings.minGapMinutes * 60_000) return { ok: false, reason: 'gap' };
  return { ok: true };
}

const KEEP_MS = 2 * 24 * 3600_000;

export function afterAnnounce(
  state: BudgetState,
  itemId: string,
  now: number,
  local: LocalTime,
): BudgetState {
  return {
    ...state,
    shown: [...state.shown.filter((entry) => now - entry.at < KEEP_MS), { itemId, at: now, day: local.day }],
  };
}

/**
 * After the person reacts to an announcement: dismissing counts towards the backoff, engaging
 * (opening it, or any item) resets the run.
 */
export function afterReaction(
  state: BudgetState,
  settings: BudgetSettings,
  reaction: 'dismissed' | 'engaged',
  now: number,
): BudgetState {
  if (reaction === 'engaged') return { ...state, streak: 0 };
  const streak = state.streak + 1;
  if (streak >= settings.backoffAfter)
    return { ...state, streak: 0, backoffUntil: now + settings.backoffHours * 3600_000 };
  return { ...state, streak };
}

/** Validates stored budget state; anything malformed starts afresh. */
export function parseBudgetState(value: unknown): BudgetState {
  if (!isRecord(value) || !Array.isArray(value.shown)) return { ...EMPTY_BUDGET, shown: [] };
  const shown = value.shown.filter(
    (entry): entry is BudgetState['shown'][number] =>
      isRecord(entry) &&
      typeof entry.itemId === 'string' &&
      typeof entry.at === 'number' &&
      typeof entry.day === 'string',
  );
  const streak = typeof value.streak === 'number' && value.streak >= 0 ? value.streak : 0;
  const backoffUntil = typeof value.backoffUntil === 'number' ? value.backoffUntil : 0;
  return { shown, streak, backoffUntil };
}

export const BUDGET_LIMITS: { [K in keyof Omit<BudgetSettings, 'quietHours'>]: [number, number] } = {
  maxPerDay: [0, 20],
  minGapMinutes: [0, 24 * 60],
  maxViews: [1, 100],
  backoffAfter: [1, 20],
  backoffHours: [0, 24 * 30],
};

/** Validates budget settings (from settings or policy); invalid fields keep their default, with a reason. */
export function parseBudgetSettings(value: unknown): { budget: BudgetSettings; problems: string[] } {
  const budget: BudgetSettings = { ...DEFAULT_BUDGET };
  const problems: string[] = [];
  if (value === undefined) return { budget, problems };
  if (!isRecord(value)) return { budget, problems: ['nudges must be an object'] };
  for (const [key, [min, max]] of Object.entries(BUDGET_LIMITS) as [
    keyof typeof BUDGET_LIMITS,
    [number, number],
  ][]) {
    const raw = value[key];
    if (raw === undefined) continue;
    if (typeof raw === 'number' && Number.isInteger(raw) && raw >= min && raw <= max) budget[key] = raw;
    else problems.push(`nudges.${key} must be a whole number from ${min} to ${max}`);
  }
  const quiet = value.quietHours;
  if (quiet === null) budget.quietHours = null;
  else if (quiet !== undefined) {
    if (
      isRecord(quiet) &&
      typeof quiet.start === 'string' &&
      typeof quiet.end === 'string' &&
      HHMM.test(quiet.start) &&
      HHMM.test(quiet.end)
    ) {
      budget.quietHours = { start: quiet.start, end: quiet.end };
    } else {
      problems.push('nudges.quietHours must be { "start": "HH:MM", "end": "HH:MM" } or null');
    }
  }
  return { budget, problems };
}
