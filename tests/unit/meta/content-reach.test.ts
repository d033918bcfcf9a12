/**
 * The content script runs inside every tool page; whatever code it can reach, a hostile page's
 * bugs could reach too. It must not be able to load the settings store, the vault or the secrets
 * (issue 13): this walks every module entrypoints/content/ — and the nudge's UI that the
 * background injects, entrypoints/nudge/ — loads at run time (type-only imports put no code in
 * the bundle and are not followed).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
/** Modules that read or write settings records or secrets. */
const OUT_OF_REACH =
  /^utils\/(settings\/(vault|secrets|settings|storage-migration|config-file|policy|managed)\.ts|db\.ts|handlers\/)/;

/** Every module a folder of entrypoints/ loads at run time, following `@/` imports. */
async function reachedFrom(folder: string): Promise<string[]> {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const result = await cruise(
      [folder],
      { tsConfig: { fileName: 'tsconfig.json' }, tsPreCompilationDeps: true },
      { extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'], alias: { '@': ROOT } },
      { tsConfig: extractTSConfig('tsconfig.json') },
    );
    if (typeof result.output === 'string') throw new Error('dependency-cruiser returned text');
    const modules = new Map(result.output.modules.map((module) => [module.source, module]));
    const reached = [...modules.keys()].filter((source) => source.startsWith(`${folder}/`));
    for (let at = 0; at < reached.length; at++) {
      for (const dep of modules.get(reached[at] ?? '')?.dependencies ?? []) {
        if (dep.dependencyTypes.includes('type-only') || reached.includes(dep.resolved)) continue;
        reached.push(dep.resolved);
      }
    }
    return reached;
  } finally {
    process.chdir(cwd);
  }
}

describe('the content script’s reach', () => {
  it('cannot import the vault, the secrets or the settings store', { timeout: 120_000 }, async () => {
    const reached = await reachedFrom('entrypoints/content');
    // The walk really followed the `@/` imports.
    expect(reached).toContain('utils/settings/page-settings.ts');
    expect(reached.filter((source) => OUT_OF_REACH.test(source))).toEqual([]);
  });

  it('carries no UI: the nudge’s UI is injected only where there is something to show', {
    timeout: 120_000,
  }, async () => {
    const reached = await reachedFrom('entrypoints/content');
    expect(
      reached.filter((source) =>
        /node_modules\/(preact|lucide-preact)\/|^components\/nudge\/Nudge|^entrypoints\/nudge\/(mount|index)/.test(
          source,
        ),
      ),
    ).toEqual([]);
  });

  it('carries no detector: the background detects the tool from what the page sends', {
    timeout: 120_000,
  }, async () => {
    const reached = await reachedFrom('entrypoints/content');
    expect(reached).toContain('utils/tools/hints.ts');
    expect(
      reached.filter((source) => /^utils\/(tools|rules)\//.test(source) && source !== 'utils/tools/hints.ts'),
    ).toEqual([]);
  });

  it('never reads storage.managed, whose first answer after a browser start comes late', {
    timeout: 120_000,
  }, async () => {
    const reached = await reachedFrom('entrypoints/content');
    const local = reached.filter((source) => /^(entrypoints|components|utils)\//.test(source));
    expect(local.length).toBeGreaterThan(5);
    expect(
      local.filter((source) => /storage\.managed\.\w/.test(readFileSync(join(ROOT, source), 'utf8'))),
    ).toEqual([]);
  });

  it('nor can the injected UI', { timeout: 120_000 }, async () => {
    const reached = await reachedFrom('entrypoints/nudge');
    expect(reached).toContain('components/nudge/Nudge.tsx');
    expect(reached.filter((source) => OUT_OF_REACH.test(source))).toEqual([]);
  });
});
