import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyConfig,
  CHROME_EXTENSION_ID,
  chromePolicyFile,
  exportConfig,
  FIREFOX_ADDON_ID,
  firefoxPolicyFile,
  maskSecrets,
  parseConfigFile,
} from '@/utils/settings/config-file';
import { POLICY_KEYS, POLICY_ONLY_KEYS } from '@/utils/settings/policy';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '@/utils/settings/settings';

const ROOT = join(import.meta.dirname, '../../..');

/** A setup an admin might have made by hand on the options page. */
const configured: Settings = parseSettings({
  ...DEFAULT_SETTINGS,
  demoContent: false,
  maxItems: 2,
  sources: [
    {
      id: 'it-news',
      type: 'feed',
      name: 'IT news',
      url: 'https://intranet.example/news.xml',
      tools: ['outlook', 'teams'],
      intervalMinutes: 120,
    },
    {
      id: 'kb',
      type: 'confluence',
      name: 'Team KB',
      url: 'https://acme.atlassian.net',
      tools: [],
      options: { space: 'IT' },
      enabled: false,
    },
  ],
  toolRules: [{ tool: 'jira', name: 'Our Jira', matches: ['https://jira.corp.example/*'] }],
  disabledTools: ['zoom'],
  flagWebhook: 'https://hooks.slack.com/services/T/B/X',
  webhookFormat: 'slack',
  reportEndpoint: 'https://metrics.intranet.example/signpost',
  audiences: ['sales'],
  nudges: { ...DEFAULT_SETTINGS.nudges, maxPerDay: 1, quietHours: { start: '18:00', end: '08:00' } },
  staleAfterMonths: 6,
  role: 'champion',
  pausedSites: ['github.com'],
  searchTerms: { terms: { VPN: ['remote access', 'GlobalProtect'], XLOOKUP: ['Fandango'] } },
}).settings;

describe('configuration export and import', () => {
  it('round-trips: export → import gives the same configuration', () => {
    const exported = JSON.stringify(exportConfig(configured, { includeAddresses: true }), null, 2);
    const read = parseConfigFile(exported);
    expect(read).toMatchObject({ ok: true });
    if (!read.ok) return;
    const fresh = parseSettings(undefined).settings;
    const imported = applyConfig(fresh, read.config);
    // Paused sites are the person's own, not configuration: everything else comes back.
    expect({ ...imported, pausedSites: configured.pausedSites }).toEqual(configured);
    expect(parseSettings(imported).problems).toEqual([]);
    expect(imported.searchTerms).toEqual(configured.searchTerms);
    // …and the export of the import is the same file.
    expect(JSON.stringify(exportConfig(imported, { includeAddresses: true }), null, 2)).toBe(exported);
  });

  it('leaves the webhook and report addresses out unless asked, so an import keeps the ones in place', () => {
    const config = exportConfig(configured);
    expect(JSON.stringify(config)).not.toMatch(/hooks\.slack\.com|metrics\.intranet/);
    expect(config).not.toHaveProperty('flagWebhook');
    expect(config).not.toHaveProperty('reportEndpoint');
    const read = parseConfigFile(JSON.stringify(config));
    expect(read.ok && applyConfig(configured, read.config).flagWebhook).toBe(configured.flagWebhook);
  });

  it('exports every policy key but the policy-only ones (locked, defaultFollows), and never credentials', () => {
    const config = exportConfig(configured, { includeAddresses: true });
    expect(Object.keys(config).sort()).toEqual(
      POLICY_KEYS.filter((key) => !(POLICY_ONLY_KEYS as readonly string[]).includes(key)).sort(),
    );
    expect(JSON.stringify(config)).not.toMatch(/password|token|apiKey/);
  });

  it('reads the same configuration from a Chrome or Firefox policy file', () => {
    const config = exportConfig(configured);
    for (const file of [
      chromePolicyFile(config, CHROME_EXTENSION_ID),
      firefoxPolicyFile(config, FIREFOX_ADDON_ID),
    ]) {
      const read = parseConfigFile(JSON.stringify(file));
      expect(read.ok && exportConfig(applyConfig(DEFAULT_SETTINGS, read.config))).toEqual(config);
      expect(read.ok && read.notes[0]).toMatch(/policy file/);
    }
    const wrapped = { '3rdparty': { extensions: { a: {}, b: {} } } };
    expect(parseConfigFile(JSON.stringify(wrapped))).toEqual({
      ok: false,
      problems: [`"3rdparty" names 2 extensions; keep only Signpost's`],
    });
  });

  it('names the ids policy files use as the build sets them', () => {
    const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    expect(config).toContain(`id: '${FIREFOX_ADDON_ID}'`);
    expect(config).toContain(CHROME_EXTENSION_ID);
  });

  it('says where a malformed file is wrong, and takes none of it', () => {
    const broken = '{\n  "demoContent": false,\n  "maxItems" 2\n}';
    const read = parseConfigFile(broken);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems[0]).toMatch(/not valid JSON: .*line 3, column/);

    expect(parseConfigFile('[1, 2]')).toEqual({
      ok: false,
      problems: ['the file must hold one JSON object { … }'],
    });
    expect(parseConfigFile('{}')).toEqual({ ok: false, problems: ['the file sets nothing Signpost reads'] });

    const bad = parseConfigFile(
      JSON.stringify({
        demoContent: false,
        sources: [
          { id: 'ok', type: 'feed', url: 'https://intranet.example/a.xml' },
          { id: 'bad', type: 'feed', url: 'javascript:alert(1)' },
        ],
        nudges: { maxPerDay: 500 },
        colour: 'blue',
      }),
    );
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems).toEqual([
      expect.stringMatching(/^unknown key "colour"/),
      'sources[1] (bad): "url" must be an http(s) address',
      'nudges.maxPerDay must be a whole number from 0 to 20',
    ]);
  });

  it('imports credentials apart from the settings, and masks them when showing a policy', () => {
    const read = parseConfigFile(
      JSON.stringify({
        sources: [
          {
            id: 'sn',
            type: 'servicenow',
            url: 'https://acme.service-now.com',
            auth: { kind: 'basic', username: 'kb-reader', password: 's3cret' },
          },
        ],
      }),
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.config.sources?.[0]?.auth).toEqual({
      kind: 'basic',
      username: 'kb-reader',
      password: 's3cret',
    });
    const settings = applyConfig(DEFAULT_SETTINGS, read.config);
    expect(JSON.stringify(settings)).not.toContain('s3cret');
    expect(JSON.stringify(maskSecrets(read.config))).not.toContain('s3cret');
    expect(maskSecrets(read.config).sources?.[0]?.auth).toEqual({ kind: 'basic', hidden: true });
  });

  it('leaves keys the file does not hold as they were', () => {
    const read = parseConfigFile(JSON.stringify({ nudges: { maxPerDay: 2 }, locked: true }));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.notes).toContain('"locked" only means something in a policy; it was not imported');
    const next = applyConfig(configured, read.config);
    expect(next.nudges.maxPerDay).toBe(2);
    expect(next.sources).toEqual(configured.sources);
    expect(next.flagWebhook).toBe(configured.flagWebhook);
  });
});

describe('the managed-storage schema', () => {
  it('declares exactly the keys the policy parser reads', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'public/managed_schema.json'), 'utf8'));
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
    expect(Object.keys(schema.properties.sources.items.properties)).toContain('enabled');
  });
});

describe('search terms in a configuration file', () => {
  it('are exported in the policy shape and imported back', () => {
    const config = exportConfig(configured);
    expect(config.searchTerms).toEqual({
      terms: { VPN: ['remote access', 'GlobalProtect'], XLOOKUP: ['Fandango'] },
    });
    const read = parseConfigFile(JSON.stringify({ searchTerms: config.searchTerms }));
    expect(read).toMatchObject({ ok: true });
    if (!read.ok) return;
    expect(applyConfig(DEFAULT_SETTINGS, read.config).searchTerms).toEqual(configured.searchTerms);
  });

  it('are refused with the rest of the file when an entry is invalid (an import is all or nothing)', () => {
    const read = parseConfigFile(
      JSON.stringify({ maxItems: 2, searchTerms: { terms: { VPN: ['remote access'], '!!': ['x'] } } }),
    );
    expect(read).toEqual({
      ok: false,
      problems: ['searchTerms: terms."!!": needs at least one letter or digit'],
    });
  });
});
