#!/usr/bin/env node
/**
 * `npm run new:detector <id>`: writes a new tool detector with its fixture page and test, from
 * templates, and prints what to add to utils/tools/index.ts. Refuses an id that is not kebab-case
 * or that already has any of the three files.
 *
 *   node tests/scaffold/new-detector.mjs <id> [--root <repository directory>]
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function fail(message) {
  process.stderr.write(`new-detector: ${message}\n`);
  process.exit(1);
}

function parseArgs(argv) {
  const args = { id: undefined, root: resolve(import.meta.dirname, '../..') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--root') args.root = resolve(argv[++i] ?? fail('--root needs a directory'));
    else if (args.id === undefined) args.id = argv[i];
    else fail(`unexpected argument: ${argv[i]}`);
  }
  return args;
}

const camel = (id) => id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const title = (id) => id.replace(/(^|-)([a-z0-9])/g, (_, dash, c) => `${dash ? ' ' : ''}${c.toUpperCase()}`);

const detectorTemplate = (id, name) => `import type { ToolDetector } from './types';

// TODO: the screens inside ${name}, from the vendor's documented URL shapes.
const AREAS: [RegExp, string][] = [[/^\\/home\\b/, 'home']];

export default {
  id: '${id}',
  name: '${name}',
  // TODO: the real hosts, as narrow as they can be (they become the content script's match patterns).
  hosts: ['app.${id}.example'],
  area: (url) => AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1],
} satisfies ToolDetector;
`;

const fixtureTemplate = (name) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Home - ${name}</title></head>
<body>
  <!-- TODO: shape this like ${name}'s real markup on one typical screen. -->
  <main>
    <h1>Home</h1>
    <label for="search">Search</label><input id="search" value="typed text stays on the page">
    <button type="button">Save</button>
  </main>
</body>
</html>
`;

const testTemplate = (id) => `// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

// TODO: real URLs of the tool, each with the screen it shows, and lookalikes of its hosts.
describe('${id} detector', () => {
  it.each([['https://app.${id}.example/home', 'home']])('%s → %s', (url, area) =>
    expectDetected(url, '${id}', area),
  );

  it.each(['https://app.${id}.example.evil.example/home', 'https://evil.example/?u=app.${id}.example'])(
    'is not fooled by %s',
    (url) => expect(detectTool(url)).toBeNull(),
  );

  it('reads the home screen', () => {
    const screen = readScreen('${id}', 'https://app.${id}.example/home');
    expectScreen(screen, '${id}', 'home');
    expect(screen.context.headings).toEqual(['Home']);
    expect(screen.context.keywords).toEqual(expect.arrayContaining(['Search', 'Save']));
  });
});
`;

const { id, root } = parseArgs(process.argv.slice(2));
if (!id) fail('usage: new-detector <id>   (e.g. new-detector acme-crm)');
if (!KEBAB.test(id)) fail(`"${id}" is not a kebab-case id (lowercase words joined by "-", e.g. acme-crm)`);

const name = title(id);
const files = [
  [join(root, 'utils/tools', `${id}.ts`), detectorTemplate(id, name)],
  [join(root, 'tests/fixtures/tools', `${id}.html`), fixtureTemplate(name)],
  [join(root, 'tests/unit/tools', `${id}.test.ts`), testTemplate(id)],
];
const taken = files.filter(([path]) => existsSync(path)).map(([path]) => relative(root, path));
if (taken.length > 0) fail(`"${id}" already exists: ${taken.join(', ')}`);

for (const [path, text] of files) {
  // 'wx': never overwrite, even if the file appeared since the check above.
  writeFileSync(path, text, { flag: 'wx' });
}

const lines = files.map(([path]) => `  ${relative(root, path)}`);
process.stdout.write(
  [
    'Created:',
    ...lines,
    'Add to utils/tools/index.ts (and list it in DETECTORS):',
    `import ${camel(id)} from './${id}';`,
    '',
  ].join('\n'),
);
