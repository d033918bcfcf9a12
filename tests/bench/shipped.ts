/**
 * The code as it ships, for the benchmarks: Signpost's modules bundled into one file with esbuild,
 * as the extension's build puts them in one scope. Imported from source instead, each module is
 * loaded through Vitest's module runner, which reads every imported name through a getter on the
 * module's namespace: a cost the extension does not pay, and one that grows with how often hot
 * code reads an imported name, so that figures from source can mislead about a change to a hot
 * loop. An anchor from node_modules (FlexSearch) is loaded as it ships.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Bundles `source` (ES module text importing from `@/…`) and imports the bundle. */
export async function shipped<T>(name: string, source: string): Promise<T> {
  mkdirSync(`${root}.test-results`, { recursive: true });
  const outfile = `${root}.test-results/bench-${name}.mjs`;
  await build({
    stdin: { contents: source, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    alias: { '@': root },
    logLevel: 'error',
  });
  return (await import(/* @vite-ignore */ pathToFileURL(outfile).href)) as T;
}
