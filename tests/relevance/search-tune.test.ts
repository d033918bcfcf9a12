import { expect, it } from 'vitest';
import type { RankParams } from '@/utils/search/rank';
import { tune } from './search-tune';

// Slow (a grid over every development query): run when tuning, with SEARCH_TUNE=1.
it.runIf(process.env.SEARCH_TUNE)(
  'the ranking defaults are within one query of the best on the development half',
  () => {
    const grid: Partial<RankParams>[] = [{}];
    for (const coveragePower of [0.5, 1, 2])
      for (const strongBonus of [0, 0.5, 1, 2])
        for (const titleBonus of [0.5, 1]) grid.push({ coveragePower, strongBonus, titleBonus });
    const rows = tune(grid);
    for (const row of rows) console.log(row.line);
    const best = Math.max(...rows.map((row) => row.hit3));
    const defaults = rows[0];
    expect(defaults?.params).toEqual({});
    expect(best - (defaults?.hit3 ?? 0)).toBeLessThanOrEqual(0.02);
  },
  600_000,
);

// The knobs that act only across tools, on every real set in one index (SEARCH_TUNE=1).
it.runIf(process.env.SEARCH_TUNE)(
  'the across-tools defaults are within one query of the best on the development half',
  () => {
    const grid: Partial<RankParams>[] = [{}];
    for (const bucketFit of [0, 0.25, 0.5, 1])
      for (const sameLanguage of [0, 0.5, 1, 2]) grid.push({ bucketFit, sameLanguage });
    const rows = tune(grid, true);
    for (const row of rows) console.log(row.line);
    const best = Math.max(...rows.map((row) => row.hit3));
    expect(best - (rows[0]?.hit3 ?? 0)).toBeLessThanOrEqual(0.02);
  },
  600_000,
);
