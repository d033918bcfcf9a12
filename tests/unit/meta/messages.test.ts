/**
 * The protocol and the handlers agree: every message in utils/messages/protocol.ts has exactly one
 * handler (in one domain's map) and every handler a protocol entry; the messages a content script
 * sends are exactly the protocol's `from: 'tab'` entries and the router's tab list; and the pages
 * send only messages the router accepts from them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createBackground } from '@/utils/handlers';
import { championHandlers } from '@/utils/handlers/champion';
import { measurementHandlers } from '@/utils/handlers/measurement';
import { pageHandlers } from '@/utils/handlers/page';
import { reportHandlers } from '@/utils/handlers/reports';
import { settingsHandlers } from '@/utils/handlers/settings';
import { sourceHandlers } from '@/utils/handlers/sources';
import { createState } from '@/utils/handlers/state';
import { whatsNewHandlers } from '@/utils/handlers/whatsnew';
import { SENT_FROM_TABS } from '@/utils/messages/protocol';

const ROOT = join(import.meta.dirname, '../../..');

/** Each member of an interface in protocol.ts, with its `from` literal. */
function protocolEntries(name: string): Map<string, string> {
  const path = join(ROOT, 'utils/messages/protocol.ts');
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const entries = new Map<string, string>();
  const found = file.statements.find(
    (statement): statement is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(statement) && statement.name.text === name,
  );
  if (!found) throw new Error(`no interface ${name} in protocol.ts`);
  for (const member of found.members) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isTypeLiteralNode(member.type)) continue;
    const from = member.type.members.find(
      (field) => ts.isPropertySignature(field) && field.name.getText(file) === 'from',
    ) as ts.PropertySignature | undefined;
    entries.set(member.name.getText(file), from?.type?.getText(file).replace(/'/g, '') ?? '');
  }
  return entries;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Message names sent with `send(…)` / `sendMessage(…)` in the files under `dirs`. */
function sentIn(dirs: string[]): Map<string, string> {
  const sent = new Map<string, string>();
  for (const path of dirs.flatMap(sourceFiles)) {
    for (const match of readFileSync(join(ROOT, path), 'utf8').matchAll(/\bsend(?:Message)?\(\s*'(\w+)'/g)) {
      sent.set(match[1] as string, relative(ROOT, join(ROOT, path)));
    }
  }
  return sent;
}

const deps = {
  fetch: (async () => new Response('{}')) as typeof fetch,
  resolveBuiltin: (path: string) => `chrome-extension://test/${path}`,
};
const background = protocolEntries('BackgroundProtocol');
const tabProtocol = protocolEntries('TabProtocol');
const { handlers } = createBackground(deps);

describe('the message protocol', () => {
  it('was read from protocol.ts', () => {
    expect(background.size).toBeGreaterThan(30);
    expect([...tabProtocol.keys()]).toEqual(['describePage']);
    expect(new Set(background.values())).toEqual(new Set(['tab', 'extension']));
  });

  it('has a handler for every message the background answers, and no handler without a message', () => {
    const handled = Object.keys(handlers).sort();
    expect(handled.filter((name) => !background.has(name))).toEqual([]);
    expect([...background.keys()].filter((name) => !handled.includes(name))).toEqual([]);
  });

  it('has each handler in exactly one domain map', () => {
    const state = createState(deps);
    const domains = [
      pageHandlers,
      championHandlers,
      sourceHandlers,
      settingsHandlers,
      measurementHandlers,
      reportHandlers,
      whatsNewHandlers,
    ].map((make) => Object.keys(make(state)));
    const all = domains.flat();
    expect(all.length).toBe(new Set(all).size);
    expect(all.sort()).toEqual(Object.keys(handlers).sort());
  });

  it('lists exactly the `from: tab` messages as the ones content scripts may send', () => {
    const fromTab = [...background].filter(([, from]) => from === 'tab').map(([name]) => name);
    expect([...SENT_FROM_TABS].sort()).toEqual(fromTab.sort());
  });

  it('has the content script send only messages on the tab list', () => {
    const sent = sentIn(['entrypoints/content']);
    expect(sent.size).toBeGreaterThan(0);
    const off = [...sent].filter(([name]) => !(SENT_FROM_TABS as readonly string[]).includes(name));
    expect(off).toEqual([]);
  });

  it('has the popup and the options page send only messages the background takes from them', () => {
    const sent = sentIn(['entrypoints/popup', 'entrypoints/options', 'components']);
    expect(sent.size).toBeGreaterThan(10);
    const wrong = [...sent].filter(([name]) => background.get(name) !== 'extension');
    expect(wrong).toEqual([]);
  });
});
