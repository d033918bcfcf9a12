/** The measurement handlers: the dashboard and its exports from real matches and actions. */
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, DB_NAME } from '@/utils/db';
import { dayOf, shiftDay } from '@/utils/measurement/days';
import { JIRA_BOARD as board } from '../contexts';
import { DAY, NOW, optionsBackground } from './harness';

afterEach(async () => {
  await closeDb();
  await deleteDB(DB_NAME);
});

describe('the dashboard', () => {
  it('counts what the nudge offered and what the person did, per tool, item and kind', async () => {
    let now = NOW - DAY;
    const { bg } = optionsBackground(() => now);
    const { matches } = await bg.matchPage({ context: board });
    const ids = matches.map((match) => match.item.id);
    expect(ids).toHaveLength(2);
    await bg.recordAction({ itemId: 'builtin-demo:plan', action: 'open', tool: 'jira', area: 'board' });
    await bg.recordAction({ itemId: 'builtin-demo:plan', action: 'helpful', tool: 'jira', area: 'board' });
    now = NOW;
    await bg.matchPage({ context: board });
    await bg.recordGap({ query: 'expense report mileage' });

    const week = await bg.getDashboard({ from: shiftDay(dayOf(NOW), -6), to: dayOf(NOW) });
    // The tip also announced itself once (within the attention budget).
    expect(week.figures.totals).toEqual({ impression: 4, open: 1, helpful: 1, gap: 1, announce: 1 });
    expect(week.figures.byDay.at(-1)?.counts.impression).toBe(2);
    expect(week.figures.byTool.map((tool) => tool.tool)).toEqual(['jira']);
    expect(week.titles['builtin-demo:plan']).toEqual({
      title: 'Plan a sprint on the board',
      url: 'https://kb.example/plan',
    });
    expect(week.gaps).toEqual([{ query: 'expense report mileage', count: 1, lastAt: NOW }]);

    const tips = await bg.getDashboard({ from: shiftDay(dayOf(NOW), -6), to: dayOf(NOW), kind: 'tip' });
    expect(tips.figures.totals).toEqual({ impression: 2, announce: 1 });

    const today = await bg.getDashboard({ from: dayOf(NOW), to: dayOf(NOW) });
    expect(today.figures.totals.impression).toBe(2);

    const exported = await bg.exportDaily({ from: shiftDay(dayOf(NOW), -6), to: dayOf(NOW) });
    expect(exported.rows.length).toBeGreaterThan(0);
    expect(exported.titles['builtin-demo:plan']).toBe('Plan a sprint on the board');
    expect((await bg.exportEvents()).events).toHaveLength(8);
  });

  it("leaves off a gap recorded earlier that the organisation's own words now answer", async () => {
    const { bg } = optionsBackground();
    await bg.recordGap({ query: 'iteration' });
    const week = { from: shiftDay(dayOf(NOW), -6), to: dayOf(NOW) };
    expect((await bg.getDashboard(week)).gaps.map((gap) => gap.query)).toEqual(['iteration']);
    await bg.saveSettings({ change: { searchTerms: { terms: { sprint: ['iteration'] } } } });
    expect((await bg.getDashboard(week)).gaps).toEqual([]);
  });
});
