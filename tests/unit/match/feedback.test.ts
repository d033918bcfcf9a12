import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET } from '@/utils/match/budget';
import { applyAction, excludedItems, feedbackSignals, parseFeedback } from '@/utils/match/feedback';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const DAY = 24 * 3600_000;

describe('feedback', () => {
  it('records votes, and pressing the same vote again takes it back', () => {
    const helpful = applyAction(undefined, 'a', 'helpful', NOW);
    expect(helpful).toEqual({ itemId: 'a', views: 0, vote: 'helpful', updatedAt: NOW });
    expect(applyAction(helpful, 'a', 'helpful', NOW).vote).toBeUndefined();
    expect(applyAction(helpful, 'a', 'not-helpful', NOW).vote).toBe('not-helpful');
  });

  it('excludes dismissed, snoozed and over-viewed items, until a snooze ends', () => {
    const records = [
      applyAction(undefined, 'gone', 'dismiss', NOW),
      applyAction(undefined, 'day', 'snooze-day', NOW),
      applyAction(undefined, 'week', 'snooze-week', NOW),
      { itemId: 'tired', views: DEFAULT_BUDGET.maxViews, updatedAt: NOW },
      { itemId: 'liked', views: DEFAULT_BUDGET.maxViews, vote: 'helpful' as const, updatedAt: NOW },
      { itemId: 'fresh', views: 1, updatedAt: NOW },
    ];
    expect([...excludedItems(records, DEFAULT_BUDGET, NOW)].sort()).toEqual(['day', 'gone', 'tired', 'week']);
    expect([...excludedItems(records, DEFAULT_BUDGET, NOW + 2 * DAY)].sort()).toEqual([
      'gone',
      'tired',
      'week',
    ]);
    expect([...excludedItems(records, DEFAULT_BUDGET, NOW + 8 * DAY)].sort()).toEqual(['gone', 'tired']);
  });

  it('counts panel views and turns votes into ranking signals', () => {
    let record = applyAction(undefined, 'a', 'panel', NOW);
    record = applyAction(record, 'a', 'panel', NOW);
    expect(record.views).toBe(2);
    const signals = feedbackSignals([
      applyAction(record, 'a', 'not-helpful', NOW),
      { itemId: 'b', views: 0, updatedAt: 1 },
    ]);
    expect([...signals]).toEqual([['a', { helpful: 0, notHelpful: 1 }]]);
  });

  it('reads stored records defensively', () => {
    expect(parseFeedback({ itemId: 'a', updatedAt: 1, views: -4, vote: 'meh', dismissed: 'yes' })).toEqual({
      itemId: 'a',
      views: 0,
      updatedAt: 1,
    });
    expect(parseFeedback(null)).toBeNull();
  });
});
