/**
 * The MediaWiki and DokuWiki adapters against the real wikis, as Debian packages them
 * (tests/integration/install-wikis.sh), each served by `php -S` from a throwaway copy of its
 * configuration and data in a temp directory: the packaged installations are only read.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeItem, SourceConfig } from '@/utils/model';
import dokuwiki from '@/utils/sources/dokuwiki';
import mediawiki from '@/utils/sources/mediawiki';
import {
  type AdapterContext,
  type AdapterResult,
  HttpError,
  type SourceAdapter,
} from '@/utils/sources/types';
import {
  type DokuWiki,
  type MediaWiki,
  missingDokuWiki,
  missingMediaWiki,
  startDokuWiki,
  startMediaWiki,
} from './servers';

for (const [wiki, reason] of [
  ['MediaWiki', missingMediaWiki],
  ['DokuWiki', missingDokuWiki],
]) {
  if (reason)
    console.warn(`skipping the ${wiki} integration tests: ${reason}; run tests/integration/install-wikis.sh`);
}

// ─── Helpers ─────────────────────────────────────────────────────────────────────────────────

/**
 * What the sync engine does around an adapter, in small: HttpError for non-2xx answers except
 * 304, the previous answer's ETag sent back as If-None-Match, and the cursor carried over.
 */
function engine(config: SourceConfig, maxItems = 500) {
  const etags = new Map<string, string>();
  let cursor: unknown;
  const requested: string[] = [];
  const fetchForSource = async (url: string, init: RequestInit = {}): Promise<Response> => {
    requested.push(url);
    const headers = new Headers(init.headers);
    const etag = etags.get(url);
    if (etag) headers.set('if-none-match', etag);
    const response = await fetch(url, { ...init, headers });
    if (response.status !== 304 && !response.ok) {
      throw new HttpError(response.status, `HTTP ${response.status} from ${url}`);
    }
    const answered = response.headers.get('etag');
    if (answered) etags.set(url, answered);
    return response;
  };
  return {
    requested,
    async sync(adapter: SourceAdapter): Promise<AdapterResult> {
      requested.length = 0;
      const context: AdapterContext = { config, fetch: fetchForSource, cursor, now: Date.now(), maxItems };
      const result = await adapter.sync(context);
      if (result.cursor !== undefined) cursor = result.cursor;
      return result;
    },
  };
}

function itemsOf(result: AdapterResult): KnowledgeItem[] {
  if (result.mode === 'full') return result.items;
  if (result.mode === 'incremental') return result.upserts;
  return [];
}

const byId = (items: KnowledgeItem[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));

// ─── MediaWiki ───────────────────────────────────────────────────────────────────────────────

describe.skipIf(Boolean(missingMediaWiki))('MediaWiki 1.39 (Debian package)', () => {
  let wiki: MediaWiki | undefined;
  let dir = '';
  let root = '';
  const maintenance = (script: string, args: string[], input?: string) =>
    wiki?.maintenance(script, args, input) ?? '';
  const edit = (title: string, text: string, summary = 'test') =>
    maintenance('edit.php', ['--user', 'Admin', '--summary', summary, title], text);

  beforeAll(async () => {
    wiki = await startMediaWiki({
      // TextExtracts is switched on by a file, not by editing LocalSettings.php: the server's
      // opcache would keep the old settings for a while.
      localSettings:
        "\nif (file_exists(__DIR__ . '/textextracts')) {\n\twfLoadExtension('TextExtracts');\n}\n",
    });
    dir = wiki.dir;
    root = wiki.root;
    edit(
      'Expense policy',
      "'''Expense policy''': file expenses in Concur within 30 days.\n\n== Receipts ==\nKeep every receipt.\n\n" +
        '[[Category:Finance]] [[Category:How to]]',
    );
    edit('VPN setup', 'Connect with the new VPN client before opening the intranet.');
    edit('Expenses', '#REDIRECT [[Expense policy]]');
    edit('Help:Editing', 'Not in the article namespace.');
  });

  afterAll(() => wiki?.close());

  const config: SourceConfig = {
    id: 'mw',
    type: 'mediawiki',
    name: 'Wiki',
    url: '',
    builtin: false,
    tools: [],
  };

  it('syncs all articles through action=parse on a wiki without TextExtracts, then follows recentchanges', async () => {
    const wiki = engine({ ...config, url: `${root}/api.php` });
    const full = await wiki.sync(mediawiki);
    expect(full.mode).toBe('full');
    if (full.mode !== 'full') return;
    expect(full.warnings).toEqual([]);
    const items = byId(full.items);
    // Redirects and other namespaces are left out.
    expect(items.map((item) => item.id)).toEqual(['mw:Expense_policy', 'mw:Main_Page', 'mw:VPN_setup']);
    expect(items[0]).toMatchObject({
      title: 'Expense policy',
      url: `${root}/index.php/Expense_policy`,
      tags: ['finance', 'how to'],
    });
    expect(items[0]?.summary).toMatch(/^Expense policy: file expenses in Concur within 30 days\./);
    expect(items[0]?.summary).toContain('Keep every receipt.');
    expect(items[0]?.summary).not.toMatch(/\[edit\]|NewPP|<[a-z]/);
    expect(items[2]?.summary).toBe('Connect with the new VPN client before opening the intranet.');
    expect(wiki.requested.filter((url) => url.includes('action=parse'))).toHaveLength(3);

    // Nothing happened since.
    expect((await wiki.sync(mediawiki)).mode).toBe('not-modified');

    edit('VPN setup', 'Connect with the new VPN client; restart after the first login.', 'clarify');
    edit('Printer setup', 'Printers are added from the self-service portal.');
    writeFileSync(join(dir, 'delete.txt'), 'Main Page\n');
    maintenance('deleteBatch.php', ['-u', 'Admin', '-r', 'obsolete', join(dir, 'delete.txt')]);

    const changes = await wiki.sync(mediawiki);
    expect(changes.mode).toBe('incremental');
    if (changes.mode !== 'incremental') return;
    expect(changes.deletions).toEqual(['mw:Main_Page']);
    expect(byId(changes.upserts).map((item) => [item.id, item.summary])).toEqual([
      ['mw:Printer_setup', 'Printers are added from the self-service portal.'],
      ['mw:VPN_setup', 'Connect with the new VPN client; restart after the first login.'],
    ]);
    expect(wiki.requested[0]).toContain('list=recentchanges');
    expect(new URL(wiki.requested[0] ?? '').searchParams.get('rcstart')).toMatch(/^\d{4}-\d\d-\d\dT/);

    // A move: the old title is a redirect now, the new one is the article.
    writeFileSync(join(dir, 'move.txt'), 'Printer setup|Printer guide\n');
    maintenance('moveBatch.php', ['-u', 'Admin', '-r', 'rename', join(dir, 'move.txt')]);
    const moved = await wiki.sync(mediawiki);
    expect(moved.mode).toBe('incremental');
    if (moved.mode !== 'incremental') return;
    expect(moved.deletions).toEqual(['mw:Printer_setup']);
    expect(moved.upserts.map((item) => item.id)).toEqual(['mw:Printer_guide']);
    expect((await wiki.sync(mediawiki)).mode).toBe('not-modified');
  });

  it('reads TextExtracts extracts, 20 titles a request, when the wiki has the extension', async () => {
    writeFileSync(join(dir, 'textextracts'), '');
    const wiki = engine({ ...config, url: `${root}/` });
    const full = await wiki.sync(mediawiki);
    expect(full.mode).toBe('full');
    if (full.mode !== 'full') return;
    expect(wiki.requested.some((url) => url.includes('action=parse'))).toBe(false);
    const policy = full.items.find((item) => item.id === 'mw:Expense_policy');
    // exintro: the lead section only.
    expect(policy?.summary).toBe('Expense policy: file expenses in Concur within 30 days.');
    expect(policy?.tags).toEqual(['finance', 'how to']);
  });

  it('says what is wrong when the URL is not the wiki root', async () => {
    const wiki = engine({ ...config, url: `${root}/index.php/Main_Page` });
    await expect(wiki.sync(mediawiki)).rejects.toThrow(/api\.php/);
  });
});

// ─── DokuWiki ────────────────────────────────────────────────────────────────────────────────

describe.skipIf(Boolean(missingDokuWiki))('DokuWiki (Debian package)', () => {
  let wiki: DokuWiki | undefined;
  let root = '';
  const commit = (id: string, text: string, summary?: string) => wiki?.commit(id, text, summary);

  beforeAll(async () => {
    wiki = await startDokuWiki({
      conf: [
        // Raw HTML in pages, to see that a real <script> never reaches a summary.
        "$conf['htmlok'] = 1;",
        // The feed is cached for rss_update seconds (5 minutes by default) and answers 304 meanwhile.
        "$conf['rss_update'] = 8;",
      ],
      startPage: false,
    });
    root = wiki.root;
    commit('kb:vpn', '====== VPN ======\n\nConnect with the **old** client.\n', 'created');
    commit(
      'kb:vpn',
      '====== VPN ======\n\nConnect with the **new** client & restart.\n\n<html><script>alert(1)</script></html>\n',
      'new client',
    );
    commit('kb:expense_policy', 'File expenses in Concur within 30 days.\n');
    commit('start', '====== Welcome ======\n\nThe team wiki.\n');
  });

  afterAll(() => wiki?.close());

  const config: SourceConfig = {
    id: 'dw',
    type: 'dokuwiki',
    name: 'Wiki',
    url: '',
    builtin: false,
    tools: [],
  };

  it('syncs the recent feed, answers 304 while it is unchanged, and shows an edit', async () => {
    const wiki = engine({ ...config, url: `${root}/doku.php?id=start` });
    const full = await wiki.sync(dokuwiki);
    expect(full.mode).toBe('full');
    if (full.mode !== 'full') return;
    expect(full.warnings).toEqual([]);
    expect(wiki.requested).toEqual([
      `${root}/feed.php?type=atom1&mode=recent&content=html&num=100&linkto=current&minor=1&view=pages`,
    ]);
    expect(
      byId(full.items).map(({ id, title, summary, url, tags }) => ({ id, title, summary, url, tags })),
    ).toEqual([
      {
        id: 'dw:kb:expense_policy',
        title: 'expense policy',
        summary: 'File expenses in Concur within 30 days.',
        url: `${root}/doku.php?id=kb:expense_policy`,
        tags: ['kb'],
      },
      {
        id: 'dw:kb:vpn',
        title: 'VPN',
        summary: 'Connect with the new client & restart.',
        url: `${root}/doku.php?id=kb:vpn`,
        tags: ['kb'],
      },
      {
        id: 'dw:start',
        title: 'Welcome',
        summary: 'The team wiki.',
        url: `${root}/doku.php?id=start`,
        tags: [],
      },
    ]);

    // DokuWiki rebuilds its feed cache every rss_update seconds, counted from whichever request
    // built it (an earlier test's, perhaps): a sync that falls just after a rebuild gets the same
    // pages with a new date, and the one right after it is answered 304.
    let unchanged = await wiki.sync(dokuwiki);
    if (unchanged.mode === 'full') {
      expect(byId(unchanged.items).map((item) => item.id)).toEqual(byId(full.items).map((item) => item.id));
      unchanged = await wiki.sync(dokuwiki);
    }
    expect(unchanged).toEqual({ mode: 'not-modified' });

    commit('kb:vpn', '====== VPN ======\n\nUse the new client from the portal.\n', 'portal');
    // The feed changes once its cache (rss_update, long enough that a slow machine still sees the
    // 304 above) has expired; until then DokuWiki keeps answering 304.
    let edited = await wiki.sync(dokuwiki);
    for (let waited = 0; edited.mode === 'not-modified' && waited < 30_000; waited += 1000) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      edited = await wiki.sync(dokuwiki);
    }
    expect(edited.mode).toBe('full');
    expect(itemsOf(edited).find((item) => item.id === 'dw:kb:vpn')?.summary).toBe(
      'Use the new client from the portal.',
    );
  });

  it('lists every page of a namespace with options.mode = "list"', async () => {
    const wiki = engine({ ...config, url: `${root}/`, options: { mode: 'list', namespace: 'kb' } });
    const full = await wiki.sync(dokuwiki);
    expect(byId(itemsOf(full)).map((item) => item.id)).toEqual(['dw:kb:expense_policy', 'dw:kb:vpn']);
    expect(wiki.requested[0]).toContain('mode=list');
  });

  it('says what is wrong when the URL is not the wiki root', async () => {
    const wiki = engine({ ...config, url: `${root}/lib/exe/` });
    await expect(wiki.sync(dokuwiki)).rejects.toThrow(/HTTP 404|doku\.php and feed\.php/);
  });
});
