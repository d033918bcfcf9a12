import { describe, expect, it } from 'vitest';
import { niceTicks } from '@/components/dashboard/charts';

describe('dashboard charts', () => {
  it('picks round axis ticks', () => {
    expect(niceTicks(42)).toEqual([0, 20, 40, 60]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(9)).toEqual([0, 5, 10]);
    expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(1234)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});
