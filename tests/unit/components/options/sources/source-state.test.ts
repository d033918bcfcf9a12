import { describe, expect, it } from 'vitest';
import { sourceState } from '@/components/options/sources/source-state';

const status = { sourceId: 's', itemCount: 0, warnings: [] };

describe('sourceState', () => {
  it('says off before anything else', () => {
    expect(sourceState({ enabled: false, status: { ...status, error: 'x', lastSyncAt: 5 } })).toEqual({
      kind: 'off',
    });
  });
  it('says failing since the first failed attempt', () => {
    expect(
      sourceState({
        enabled: true,
        status: { ...status, error: 'x', lastSyncAt: 9, failingSince: 7, lastSuccessAt: 3 },
      }),
    ).toEqual({ kind: 'failing', since: 7 });
    // An older status without the streak: the last attempt.
    expect(sourceState({ enabled: true, status: { ...status, error: 'x', lastSyncAt: 9 } })).toEqual({
      kind: 'failing',
      since: 9,
    });
  });
  it('says synced with the last good sync, or never', () => {
    expect(sourceState({ enabled: true, status: { ...status, lastSuccessAt: 4, lastSyncAt: 4 } })).toEqual({
      kind: 'synced',
      at: 4,
    });
    expect(sourceState({ enabled: true, status })).toEqual({ kind: 'never' });
  });
});
