/** The dashboard's recorded content gaps: checked against today's search only when there are any. */
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeDb, DB_NAME, getDb } from '@/utils/db';
import { loadDashboard } from '@/utils/measurement/dashboard';
import { dayOf, shiftDay } from '@/utils/measurement/days';

const NOW = Date.parse('2026-11-20T10:00:00Z');
const week = { from: shiftDay(dayOf(NOW), -6), to: dayOf(NOW) };

afterEach(async () => {
  vi.restoreAllMocks();
  await closeDb();
  await deleteDB(DB_NAME);
});

describe('recorded content gaps', () => {
  it('does not ask for the check (nor the index behind it) when the range holds no gap', async () => {
    const db = await getDb();
    // A gap of last month is outside the week.
    await db.put('gaps', { query: 'old question', count: 3, lastAt: NOW - 40 * 86_400_000 });
    const gapCheck = vi.fn(async () => (_query: string) => true);
    const view = await loadDashboard(db, week, undefined, gapCheck);
    expect(gapCheck).not.toHaveBeenCalled();
    expect(view.gaps).toEqual([]);
  });

  it('leaves off the gaps that the check says search answers now, the others stay', async () => {
    const db = await getDb();
    await db.put('gaps', { query: 'how to', count: 5, lastAt: NOW });
    await db.put('gaps', { query: 'expense mileage', count: 2, lastAt: NOW });
    const gapCheck = vi.fn(async () => (query: string) => query !== 'how to');
    const view = await loadDashboard(db, week, undefined, gapCheck);
    expect(gapCheck).toHaveBeenCalledTimes(1);
    expect(view.gaps.map((gap) => gap.query)).toEqual(['expense mileage']);
  });

  it('shows the gaps unchecked, with the figures, when the check cannot be made', async () => {
    const db = await getDb();
    await db.put('gaps', { query: 'expense mileage', count: 2, lastAt: NOW });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const view = await loadDashboard(db, week, undefined, async () => {
      throw new Error('the index could not be loaded');
    });
    expect(view.gaps.map((gap) => gap.query)).toEqual(['expense mileage']);
    expect(view.figures.filter).toEqual(week);
    expect(warn).toHaveBeenCalledWith('Signpost: recorded content gaps shown unchecked', expect.any(Error));
  });
});
