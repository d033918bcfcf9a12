import { describe, expect, it } from 'vitest';
import { FLAG_REASONS, validateReaction } from '@/utils/delivery/reactions';
import { COMMENT_MAX } from '@/utils/limits';

describe('validateReaction', () => {
  it('accepts an endorsement and drops anything else it carries', () => {
    expect(validateReaction({ kind: 'endorse', comment: 'x', reason: 'outdated' })).toEqual({
      kind: 'endorse',
    });
  });

  it('accepts each flag reason', () => {
    for (const reason of FLAG_REASONS) {
      const value = {
        kind: 'flag',
        reason,
        ...(reason === 'missing' ? { missingTitle: 'VPN on Linux' } : {}),
      };
      expect(validateReaction(value)).toEqual(
        reason === 'missing'
          ? { kind: 'flag', reason, missingTitle: 'VPN on Linux' }
          : { kind: 'flag', reason },
      );
    }
    expect(FLAG_REASONS).toEqual(['outdated', 'incorrect', 'incomplete', 'duplicate', 'missing', 'other']);
  });

  it('trims a comment and caps it at COMMENT_MAX', () => {
    expect(
      validateReaction({ kind: 'flag', reason: 'incorrect', comment: '  Step 3 is wrong \r\n ' }),
    ).toEqual({
      kind: 'flag',
      reason: 'incorrect',
      comment: 'Step 3 is wrong',
    });
    const long = validateReaction({
      kind: 'flag',
      reason: 'other',
      comment: `a\r\nb\u0000c${'x'.repeat(600)}`,
    });
    expect(long).toEqual({ kind: 'flag', reason: 'other', comment: `a\nbc${'x'.repeat(COMMENT_MAX - 4)}` });
    // An emoji across the limit is dropped whole, not cut in half.
    const emoji = validateReaction({
      kind: 'flag',
      reason: 'other',
      comment: `${'x'.repeat(COMMENT_MAX - 1)}😀`,
    });
    expect(emoji).toEqual({ kind: 'flag', reason: 'other', comment: 'x'.repeat(COMMENT_MAX - 1) });
    expect(validateReaction({ kind: 'flag', reason: 'other', comment: '   ' })).toEqual({
      kind: 'flag',
      reason: 'other',
    });
    expect(validateReaction({ kind: 'flag', reason: 'other', comment: null })).toEqual({
      kind: 'flag',
      reason: 'other',
    });
  });

  it('needs a title of 1–200 characters for a missing article, and only keeps it there', () => {
    expect(validateReaction({ kind: 'flag', reason: 'missing' })).toBeNull();
    expect(validateReaction({ kind: 'flag', reason: 'missing', missingTitle: '  \n ' })).toBeNull();
    expect(validateReaction({ kind: 'flag', reason: 'missing', missingTitle: 'x'.repeat(201) })).toBeNull();
    expect(validateReaction({ kind: 'flag', reason: 'missing', missingTitle: 'x'.repeat(200) })).toEqual({
      kind: 'flag',
      reason: 'missing',
      missingTitle: 'x'.repeat(200),
    });
    expect(
      validateReaction({ kind: 'flag', reason: 'missing', missingTitle: ' Expenses\n in  Workday ' }),
    ).toEqual({
      kind: 'flag',
      reason: 'missing',
      missingTitle: 'Expenses in Workday',
    });
    expect(validateReaction({ kind: 'flag', reason: 'outdated', missingTitle: 'x' })).toEqual({
      kind: 'flag',
      reason: 'outdated',
    });
  });

  it('rejects garbage', () => {
    for (const garbage of [
      null,
      undefined,
      'flag',
      42,
      [],
      {},
      { kind: 'like' },
      { kind: 'flag' },
      { kind: 'flag', reason: 'spam' },
      { kind: 'flag', reason: 'OUTDATED' },
      { kind: 'flag', reason: 'outdated', comment: 5 },
      { kind: 'flag', reason: 'missing', missingTitle: 7 },
    ]) {
      expect(validateReaction(garbage)).toBeNull();
    }
  });
});
