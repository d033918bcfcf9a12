import { describe, expect, it } from 'vitest';
import { countChange, previousPeriod, rateChange } from '@/utils/measurement/period';

describe('previousPeriod', () => {
  it('is the same number of days just before the range', () => {
    expect(previousPeriod('2026-03-08', '2026-03-14')).toEqual({ from: '2026-03-01', to: '2026-03-07' });
    expect(previousPeriod('2026-03-01', '2026-03-30')).toEqual({ from: '2026-01-30', to: '2026-02-28' });
    expect(previousPeriod('2026-01-01', '2026-01-01')).toEqual({ from: '2025-12-31', to: '2025-12-31' });
  });
});

describe('countChange', () => {
  it('gives the difference and the relative change', () => {
    expect(countChange(150, 100)).toEqual({ delta: 50, ratio: 0.5 });
    expect(countChange(50, 100)).toEqual({ delta: -50, ratio: -0.5 });
    expect(countChange(7, 7)).toEqual({ delta: 0, ratio: 0 });
  });
  it('has no relative change without a base', () => {
    expect(countChange(12, 0)).toEqual({ delta: 12, ratio: null });
  });
});

describe('rateChange', () => {
  it('is the difference in points, or null when a period has no rate', () => {
    expect(rateChange(0.3, 0.2)?.delta).toBeCloseTo(0.1);
    expect(rateChange(null, 0.2)).toBeNull();
    expect(rateChange(0.2, null)).toBeNull();
  });
});

describe('missingTitles', () => {
  it('counts the same title once, case and spacing aside, most asked first', async () => {
    const { missingTitles } = await import('@/utils/measurement/dashboard');
    expect(
      missingTitles([
        { title: 'VPN on Linux', at: 1 },
        { title: 'Expense policy', at: 2 },
        { title: 'expense  Policy', at: 5 },
      ]),
    ).toEqual([
      { title: 'Expense policy', count: 2, lastAt: 5 },
      { title: 'VPN on Linux', count: 1, lastAt: 1 },
    ]);
  });
});
