/**
 * Rules every detector keeps, checked across the whole list; each tool's own URLs, lookalikes and
 * fixture page are tested in tests/unit/tools/<id>.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinMatchPatterns, DETECTORS, detectTool, hostMatches, toolName } from '@/utils/tools';
import { AREA_SHAPE } from '../tools/helpers';

const ROOT = join(import.meta.dirname, '../../..');
const ids = DETECTORS.map((detector) => detector.id);

function namesIn(dir: string, suffix: string): string[] {
  return readdirSync(join(ROOT, dir))
    .filter((file) => file.endsWith(suffix))
    .map((file) => file.slice(0, -suffix.length));
}

/** Wildcards over these would reach far beyond one business tool (whole vendors or clouds). */
const TOO_BROAD = new Set([
  'google.com',
  'microsoft.com',
  'cloud.microsoft',
  'office.com',
  'office365.com',
  'live.com',
  'sharepoint-df.com',
  'sap.com',
  'cloud.sap',
  'ondemand.com',
  'hana.ondemand.com',
  'force.com',
  'salesforce.com',
  'dynamics.com',
  'workday.com',
  'atlassian.com',
  'amazonaws.com',
  'cloudfront.net',
  'azurewebsites.net',
  'windows.net',
  'appspot.com',
  'herokuapp.com',
  'github.io',
  'gitlab.io',
]);
const HOST_SHAPE = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
const RESERVED_TLD = /\.(example|test|invalid|localhost)$/;

describe('detector list', () => {
  const files = namesIn('utils/tools', '.ts').filter((name) => !['index', 'types', 'hints'].includes(name));

  it('lists every detector file once, with the file name as its id', async () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...files].sort());
    for (const file of files) {
      const mod = (await import(`../../../utils/tools/${file}.ts`)) as { default: { id: string } };
      expect(mod.default.id).toBe(file);
    }
  });

  it.each(ids)('%s has a fixture page and a test file', (id) => {
    expect(
      existsSync(join(ROOT, 'tests/fixtures/tools', `${id}.html`)),
      `tests/fixtures/tools/${id}.html`,
    ).toBe(true);
    expect(
      existsSync(join(ROOT, 'tests/unit/tools', `${id}.test.ts`)),
      `tests/unit/tools/${id}.test.ts`,
    ).toBe(true);
  });

  it('has no fixture page or test file without a detector', () => {
    for (const name of namesIn('tests/fixtures/tools', '.html')) expect(ids).toContain(name);
    for (const name of namesIn('tests/unit/tools', '.test.ts')) expect(ids).toContain(name);
  });

  it('uses kebab-case ids and gives every tool a distinct name', () => {
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    const names = DETECTORS.map((detector) => detector.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name.trim().length).toBeGreaterThan(1);
  });

  it.each(DETECTORS.map((detector) => [detector.id, detector] as const))(
    '%s asks only for narrow, real hosts',
    (_id, detector) => {
      expect(detector.hosts.length).toBeGreaterThan(0);
      for (const host of detector.hosts) {
        expect(host, host).toMatch(HOST_SHAPE);
        expect(host, `${host} is a placeholder`).not.toMatch(RESERVED_TLD);
        if (!host.startsWith('*.')) continue;
        const base = host.slice(2);
        expect(base.split('.').length, `${host} is a whole top-level domain`).toBeGreaterThanOrEqual(2);
        expect(TOO_BROAD.has(base), `${host} is too broad`).toBe(false);
      }
    },
  );

  it('asks for one https match pattern per host', () => {
    const patterns = builtinMatchPatterns();
    expect(patterns).toEqual([...patterns].sort());
    expect(new Set(patterns).size).toBe(patterns.length);
    for (const pattern of patterns) expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
    const hosts = new Set(DETECTORS.flatMap((detector) => detector.hosts));
    expect(patterns).toEqual([...hosts].map((host) => `https://${host}/*`).sort());
  });

  it('names tools by id, and falls back to an unknown id itself', () => {
    expect(toolName('servicenow')).toBe('ServiceNow');
    expect(toolName('google-slides')).toBe('Google Slides');
    expect(toolName('acme-intranet')).toBe('acme-intranet');
  });
});

describe('detectTool', () => {
  it.each([
    // Tools that share a host are told apart by path or by a host shape.
    ['https://acme.atlassian.net/browse/KAN-12', 'jira', 'issue'],
    ['https://acme.atlassian.net/jira/software/projects/KAN/boards/1', 'jira', 'board'],
    ['https://acme.atlassian.net/wiki/spaces/ENG/pages/123/Runbook', 'confluence', 'page'],
    ['https://docs.google.com/document/d/1abc/edit', 'google-docs', 'doc'],
    ['https://docs.google.com/spreadsheets/d/1abc/edit#gid=0', 'google-sheets', 'sheet'],
    ['https://docs.google.com/presentation/d/1abc/edit', 'google-slides', 'slide'],
    ['https://acme-my.sharepoint.com/personal/jo_acme_com/_layouts/15/onedrive.aspx', 'onedrive', 'files'],
    ['https://acme.sharepoint.com/sites/hr/SitePages/Home.aspx', 'sharepoint', 'page'],
    ['https://github.com/acme/webapp/pull/42', 'github', 'pull-request'],
    ['https://acme.lightning.force.com/lightning/o/Lead/list?filterName=Recent', 'salesforce', 'lead-list'],
    ['https://mail.google.com/mail/u/0/#inbox', 'gmail', 'inbox'],
    ['https://teams.microsoft.com/v2/', 'teams', undefined],
    // Host names compare without case and without a trailing root dot.
    ['https://GitHub.com./acme/webapp', 'github', 'repository'],
    ['http://acme.zendesk.com/agent/tickets/1', 'zendesk', 'ticket'],
  ])('%s → %s (%s)', (url, id, area) => {
    const detection = detectTool(url);
    expect(detection?.id).toBe(id);
    expect(detection?.area).toBe(area);
  });

  it.each([
    'https://acme.atlassian.net.evil.example/browse/KAN-1',
    'https://evil.example/?u=acme.atlassian.net',
    'https://evil.example/github.com/acme/webapp',
    'https://notgithub.com/acme/webapp',
    'https://evilzendesk.com/agent/tickets/1',
    'https://github.com.evil.example/acme/webapp/pull/1',
    'https://atlassian.net/browse/KAN-1',
    'https://docs.google.com.evil.example/document/d/1',
    'https://evil-sharepoint.com/sites/hr',
    'https://mail.google.co/mail/u/0/',
    'https://user:pass@evil.example/?github.com',
    'https://github.com@evil.example/acme/webapp',
    'file:///home/user/github.com/index.html',
    'chrome://extensions/',
    'chrome-extension://abcdefghijklmnop/options.html',
    'about:blank',
    'javascript:alert(document.domain)//github.com',
    'data:text/html,<title>github.com</title>',
    'blob:https://github.com/1234-5678',
    'view-source:https://github.com/',
    'ws://acme.slack.com/',
    'ftp://github.com/acme',
    'https://',
    'not a url',
    '',
  ])('is not fooled by %s', (url) => {
    expect(detectTool(url)).toBeNull();
  });

  describe.each(DETECTORS.map((detector) => [detector.id, detector] as const))('%s', (_id, detector) => {
    const all = DETECTORS.flatMap((other) => other.hosts);
    const exact = new Set(all.filter((host) => !host.startsWith('*.')));
    const wildcards = all.filter((host) => host.startsWith('*.'));
    // Paths that would satisfy any detector's path rule, so only the host can reject these.
    const paths = [
      '/',
      '/browse/KAN-1',
      '/wiki/spaces/ENG',
      '/document/d/1',
      '/app/board/x/',
      '/a/tickets/1',
    ];

    it('matches none of its hosts’ lookalikes', () => {
      for (const host of detector.hosts) {
        const base = host.replace(/^\*\./, '');
        const named = host.replace(/^\*\./, 'acme.');
        const lookalikes = [
          `${named}.evil.example`,
          `${named}evil.example`,
          `evil${base}`,
          `evil-${base}`,
          `${base.replace(/\./g, '-')}.evil.example`,
        ];
        // `*.x` never matches x itself, unless a detector lists x on its own.
        if (host.startsWith('*.') && !exact.has(base)) lookalikes.push(base);
        // A name that is really below a listed wildcard (evilapp.slack.com) is that vendor's own.
        const real = (name: string) => wildcards.some((pattern) => hostMatches(name, pattern));
        for (const lookalike of lookalikes.filter((name) => !real(name))) {
          for (const path of paths) {
            const url = `https://${lookalike}${path}`;
            expect(detectTool(url), url).toBeNull();
          }
          const inQuery = `https://evil.example/?next=https://${named}/`;
          expect(detectTool(inQuery), inQuery).toBeNull();
        }
      }
    });

    it('never throws on odd URLs and keeps areas well-formed', () => {
      const host = (detector.hosts[0] ?? '').replace(/^\*\./, 'acme.');
      const odd = [
        '/%',
        '/%E0%A4%A',
        '/constructor',
        '/__proto__/toString',
        '/now/nav/ui/classic/params/target/%E0%A4%A',
        '/nav_to.do?uri=%',
        '/nav_to.do?uri=nav_to.do%3Furi%3Dincident.do',
        '/main.aspx?pagetype=constructor&etn=__proto__',
        '/?mi=%25&page=hasOwnProperty',
        '/#%',
        '/#constructor-toString',
        '/#/site/x/constructor',
        '/contacts/1/record/constructor/1',
        `/${'a/'.repeat(500)}`,
        `/?q=${'x'.repeat(5000)}`,
      ];
      for (const path of odd) {
        const url = `https://${host}${path}`;
        const detection = detectTool(url);
        if (detection?.area === undefined) continue;
        expect(typeof detection.area, url).toBe('string');
        expect(detection.area, url).toMatch(AREA_SHAPE);
      }
    });
  });

  it('compares hosts label by label', () => {
    expect(hostMatches('a.b.atlassian.net', '*.atlassian.net')).toBe(true);
    expect(hostMatches('GitHub.com.', 'github.com')).toBe(true);
    expect(hostMatches('xatlassian.net', '*.atlassian.net')).toBe(false);
    expect(hostMatches('atlassian.net', '*.atlassian.net')).toBe(false);
    expect(hostMatches('github.com.evil.example', 'github.com')).toBe(false);
  });
});

describe('new-detector scaffold', () => {
  const script = join(ROOT, 'tests/scaffold/new-detector.mjs');
  const root = mkdtempSync(join(tmpdir(), 'signpost-scaffold-'));
  for (const dir of ['utils/tools', 'tests/fixtures/tools', 'tests/unit/tools']) {
    mkdirSync(join(root, dir), { recursive: true });
  }
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    spawnSync(process.execPath, [script, ...args, '--root', root], { encoding: 'utf8' });

  it('writes the detector, its fixture and its test, and says what to add to the list', () => {
    const result = run('acme-crm');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("import acmeCrm from './acme-crm';");
    const detector = readFileSync(join(root, 'utils/tools/acme-crm.ts'), 'utf8');
    expect(detector).toContain("id: 'acme-crm'");
    expect(detector).toContain('satisfies ToolDetector');
    expect(readFileSync(join(root, 'tests/fixtures/tools/acme-crm.html'), 'utf8')).toContain('<title>');
    const test = readFileSync(join(root, 'tests/unit/tools/acme-crm.test.ts'), 'utf8');
    expect(test.startsWith('// @vitest-environment happy-dom')).toBe(true);
    expect(test).toContain("readScreen('acme-crm'");
  });

  it('refuses an id that already exists', () => {
    const before = readFileSync(join(root, 'utils/tools/acme-crm.ts'), 'utf8');
    const result = run('acme-crm');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('already exists');
    expect(readFileSync(join(root, 'utils/tools/acme-crm.ts'), 'utf8')).toBe(before);
  });

  it.each(['Acme', 'acme_crm', 'acme--crm', '-acme', 'acme-', '1acme', '../acme', 'acme crm'])(
    'refuses the id %j',
    (id) => {
      const result = run(id);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('kebab-case');
    },
  );

  it('refuses to run without an id', () => {
    const result = run();
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('usage');
  });
});
