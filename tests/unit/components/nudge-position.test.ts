import { describe, expect, it } from 'vitest';
import {
  clampBottom,
  DEFAULT_POSITION,
  moveByKey,
  parsePositions,
  positionAt,
  positionFor,
} from '@/components/nudge/position';

describe('where the badge sits', () => {
  it('keeps clear of Google Sheets’ sheet tabs and Jira’s sidebar footer by default', () => {
    expect(positionFor('google-sheets', {}, {})).toEqual({ side: 'left', bottom: 56 });
    expect(positionFor('jira', {}, {}).side).toBe('right');
    expect(positionFor('some-admin-tool', {}, {})).toEqual(DEFAULT_POSITION);
  });

  it('lets the admin’s position override the default, and the person’s own override both', () => {
    const admin = { jira: { side: 'left' as const, bottom: 90 } };
    expect(positionFor('jira', {}, admin)).toEqual({ side: 'left', bottom: 90 });
    expect(positionFor('jira', { jira: { side: 'right', bottom: 10 } }, admin)).toEqual({
      side: 'right',
      bottom: 10,
    });
  });

  it('moves along the edge with the arrow keys and stays inside the window', () => {
    const start = { side: 'left' as const, bottom: 16 };
    expect(moveByKey(start, 'ArrowUp', 800)).toEqual({ side: 'left', bottom: 32 });
    expect(moveByKey(start, 'ArrowDown', 800)).toEqual({ side: 'left', bottom: 0 });
    expect(moveByKey(start, 'ArrowRight', 800)).toEqual({ side: 'right', bottom: 16 });
    expect(moveByKey(start, 'ArrowLeft', 800)).toBeNull();
    expect(moveByKey(start, 'Enter', 800)).toBeNull();
    expect(moveByKey({ side: 'left', bottom: 790 }, 'ArrowUp', 800)?.bottom).toBe(clampBottom(9999, 800));
  });

  it('drops where the pointer is: the nearer edge, the height along it', () => {
    expect(positionAt(100, 700, 1200, 800)).toEqual({ side: 'left', bottom: 80 });
    expect(positionAt(1100, 790, 1200, 800)).toEqual({ side: 'right', bottom: 0 });
  });

  it('keeps only valid stored or configured positions', () => {
    expect(
      parsePositions({
        jira: { side: 'left', bottom: 40 },
        bad: { side: 'top', bottom: 1 },
        far: { side: 'left', bottom: 1e9 },
        nan: { side: 'left', bottom: Number.NaN },
      }),
    ).toEqual({ jira: { side: 'left', bottom: 40 } });
    expect(parsePositions(['x'])).toEqual({});
    expect(parsePositions(null)).toEqual({});
  });
});
