/**
 * No import cycles in the extension's code (utils/, entrypoints/, components/), type-only imports
 * included: two modules that import each other cannot be read, tested or moved apart. The graph is
 * dependency-cruiser's, with the `@/` alias resolved.
 */
import { join } from 'node:path';
import { cruise, type IViolation } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

describe('import graph', () => {
  it('has no cycles', { timeout: 120_000 }, async () => {
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const result = await cruise(
        ['utils', 'entrypoints', 'components'],
        {
          tsConfig: { fileName: 'tsconfig.json' },
          tsPreCompilationDeps: true,
          validate: true,
          ruleSet: {
            forbidden: [{ name: 'no-circular', severity: 'error', from: {}, to: { circular: true } }],
          },
        },
        // The tsconfig's `@/*` path sits in .wxt/tsconfig.json without a baseUrl, which the resolver
        // does not follow: the alias is given here.
        { extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'], alias: { '@': ROOT } },
        { tsConfig: extractTSConfig('tsconfig.json') },
      );
      if (typeof result.output === 'string') throw new Error('dependency-cruiser returned text');
      const { summary, modules } = result.output;
      // The graph really was read, aliases included: the content script reaches utils/ through `@/`.
      const content = modules.find((module) => module.source === 'entrypoints/content/index.ts');
      expect(content?.dependencies.some((dep) => dep.resolved === 'utils/context.ts')).toBe(true);
      const cycles = summary.violations.map((violation: IViolation) =>
        [violation.from, ...(violation.cycle ?? []).map((step) => step.name)].join(' → '),
      );
      expect(cycles).toEqual([]);
    } finally {
      process.chdir(cwd);
    }
  });
});
