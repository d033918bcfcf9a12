import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCE_TYPES } from '@/utils/model';
import { ADAPTERS, adapterFor } from '@/utils/sources';

describe('source adapter registry', () => {
  it('has one adapter per source type, in a file named after the type, with its tests', async () => {
    expect(ADAPTERS.map((adapter) => adapter.type).sort()).toEqual([...SOURCE_TYPES].sort());
    for (const type of SOURCE_TYPES) {
      const mod = (await import(`../../../utils/sources/${type}.ts`)) as { default: { type: string } };
      expect(mod.default.type).toBe(type);
      expect(adapterFor(type)).toBe(mod.default);
      const tested = [`tests/unit/sources/${type}.test.ts`, `tests/unit/${type}.test.ts`].some((file) =>
        existsSync(join(import.meta.dirname, '../../..', file)),
      );
      expect(tested, `${type} has tests`).toBe(true);
    }
  });
});
