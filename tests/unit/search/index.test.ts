import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMatchIndex } from '@/utils/match/build';
import type { KnowledgeItem } from '@/utils/model';
import { buildSearchIndex, highlight, isContentGap, searchIndex, searchItems } from '@/utils/search';
import { parseAdminTerms } from '@/utils/search/admin-terms';
import { parseCatalog } from '@/utils/sources/catalog';

const demo = parseCatalog(
  readFileSync(join(import.meta.dirname, '../../../public/catalog/demo.json'), 'utf8'),
  'builtin-demo',
).items;
const index = buildMatchIndex(demo);
const ids = (query: string, opts = {}) => searchIndex(index, query, opts).map((hit) => hit.item.id);
const first = (query: string) => ids(query)[0];

function item(id: string, title: string, summary: string, extra: Partial<KnowledgeItem> = {}): KnowledgeItem {
  return {
    id: `t:${id}`,
    sourceId: 't',
    kind: 'article',
    title,
    summary,
    url: `https://docs.example.com/${id}`,
    tags: [],
    tools: ['github'],
    updatedAt: Date.parse('2026-01-01'),
    ...extra,
  };
}

describe('searchIndex', () => {
  it('searches every tool as one collection, though each tool keeps its own bucket', () => {
    const many = buildMatchIndex([
      item('sprint', 'Sprint report', 'See how the sprint went.', { tools: ['jira'] }),
      item('quote', 'Quote report', 'Totals of every quote this quarter.', { tools: ['salesforce'] }),
      item('print', 'Print a page', 'Send the page to a printer.', { tools: ['salesforce'] }),
      item('general', 'Weekly report for managers', 'What every manager sees each week.', { tools: [] }),
    ]);
    const found = (query: string) => searchIndex(many, query).map((hit) => hit.item.id);
    // A word one tool knows is not taken for a typo in another ("sprint" is not "print").
    expect(found('sprint')).toEqual(['t:sprint']);
    // Covering one of the query's two words counts as half, even where the other word never occurs.
    expect(found('sprint report')[0]).toBe('t:sprint');
    expect(found('sprint report')).toHaveLength(3);
    // General items are searched too, and a typo is still corrected against every tool's words.
    expect(found('managers')).toEqual(['t:general']);
    expect(found('qoute')).toEqual(['t:quote']);
  });

  it('puts the title match of a one-word query first', () => {
    expect(first('xlookup')).toBe('builtin-demo:google-sheets-xlookup');
    expect(first('huddle')).toBe('builtin-demo:slack-huddles');
    expect(ids('schedule send')).toContain('builtin-demo:gmail-schedule-send');
  });

  it('answers questions and pasted lines by their meaningful words instead of finding nothing', () => {
    expect(first('how do I open a draft pull request?')).toBe('builtin-demo:github-draft-pull-requests');
    expect(first('what is the kanban view in salesforce')).toBe('builtin-demo:salesforce-kanban-view');
    expect(
      ids('Review required: At least 1 approving review is required by reviewers with write access.').slice(
        0,
        3,
      ),
    ).toContain('builtin-demo:github-review-pull-request');
  });

  it('ranks by coverage: an item with every word above one with some, and one with some still found', () => {
    const items = [
      item('a', 'Protect a branch', 'Rules for branches.'),
      item('b', 'Require a review before merging', 'Branch rules can require an approving review.'),
      item('c', 'Merging pull requests', 'How merging works.'),
    ];
    const small = buildMatchIndex(items);
    const found = searchIndex(small, 'require review before merging').map((hit) => hit.item.id);
    expect(found[0]).toBe('t:b');
    expect(found).toContain('t:c');
  });

  it('matches the word being typed as a prefix, tolerates typos by word length, and inflections', () => {
    expect(ids('xloo')).toContain('builtin-demo:google-sheets-xlookup');
    expect(ids('xlokup')).toContain('builtin-demo:google-sheets-xlookup');
    expect(first('conditonal formating')).toBe('builtin-demo:google-sheets-conditional-formatting');
    expect(ids('scheduled emails')).toContain('builtin-demo:gmail-schedule-send');
  });

  it('never corrects a typo to a word too short to correct', () => {
    const small = buildMatchIndex([
      item('out', 'Sign users out', 'End their sessions.'),
      item('csr', 'Sign the certificate with your own CSR', 'Use your own CA.'),
    ]);
    // "usres" stems to "usr": one edit from "csr" as from "user", but three from what was typed.
    expect(searchIndex(small, 'usres').map((hit) => hit.item.id)).toEqual(['t:out']);
  });

  it('reads words written apart or together as the catalog writes them', () => {
    const small = buildMatchIndex([
      item('mfa', 'Set up multifactor authentication', 'Require a second factor at sign-in.'),
      item('tenant', 'Multi-tenant solutions', 'One org per customer.'),
      item('token', 'Create an API token', 'Tokens authenticate calls to the API.'),
      item('lockout', 'Unlock a user after a lockout', 'Too many failed attempts lock the account.'),
      item('block', 'Block a sender', 'Mail from them is refused.'),
    ]);
    const found = (query: string) => searchIndex(small, query).map((hit) => hit.item.id);
    expect(found('multi-factor')[0]).toBe('t:mfa');
    expect(found('multi factor')[0]).toBe('t:mfa');
    expect(found('apitoken')[0]).toBe('t:token');
    expect(found('lock out')[0]).toBe('t:lockout');
  });

  it('corrects only what a person typed, and never a "word" no one could have mistyped', () => {
    const small = buildMatchIndex([
      item('cert', 'Rotate the signing certificate', 'Certificates expire after a year.'),
      item('mail', 'Send mail', 'From the outbox.'),
    ]);
    const found = (query: string) => searchIndex(small, query).map((hit) => hit.item.id);
    expect(found('certifcate')).toEqual(['t:cert']);
    // Pasted: the product spells its own words; a word the catalog lacks is a name, not a typo.
    expect(found('Error: certifcate rejected by server (code 495)')).toEqual([]);
    // Thirty-three letters is a key or a hash, not a misspelt word (and correcting it costs).
    expect(found(`certificates${'x'.repeat(21)}`)).toEqual([]);
  });

  it('finds items by another name for the same thing', () => {
    expect(ids('suggest a fix in a PR').slice(0, 3)).toContain('builtin-demo:github-suggested-changes');
    expect(ids('edit repo in browser')[0]).toBe('builtin-demo:github-web-editor');
  });

  it('finds a thing by the other words people use for it', () => {
    const tools = ['servicenow'];
    const items = [
      item('vip', 'View VIP status for a caller', 'See whether the caller is a VIP.', { tools }),
      item('calls', 'Caller details', 'The caller of an incident and their details.', { tools }),
      item('sla', 'Create an SLA definition', 'Define the service level agreement for incidents.', { tools }),
      item('clock', 'Clock in to your shift', 'Start the time clock of your work shift.', { tools }),
    ];
    const own = buildMatchIndex(items);
    const top = (query: string) => searchIndex(own, query)[0]?.item.id;
    expect(top('which callers are executives')).toBe('t:vip');
    expect(top('response time target clock for incidents')).toBe('t:sla');
  });

  it('finds the task that fixes a pasted error message, not only its words', () => {
    const tools = ['teams'];
    const items = [
      item('install', 'Install Teams PowerShell', 'Install the PowerShell module for Teams.', { tools }),
      item('names', 'Naming policy for teams', 'Set the name of a team by policy.', { tools }),
      item('connect', 'Connect to Teams', 'Connect a device to Teams.', { tools }),
    ];
    const own = buildMatchIndex(items);
    const line =
      "Connect-MicrosoftTeams : The term 'Connect-MicrosoftTeams' is not recognized as the name of a cmdlet";
    expect(searchIndex(own, line)[0]?.item.id).toBe('t:install');
  });

  it('across tools, prefers the tool whose articles are about the whole query', () => {
    const servicenow = { tools: ['servicenow'] };
    const teams = { tools: ['teams'] };
    const items = [
      item('sn-caller', 'Caller details', 'The caller of an incident: name, phone and location.', servicenow),
      item('sn-1', 'Create an incident', 'Log an incident for a caller.', servicenow),
      item('sn-2', 'Resolve an incident', 'Resolve an incident and tell the caller.', servicenow),
      item('sn-3', 'Incident priority', 'How impact and urgency set an incident priority.', servicenow),
      // A little closer in words than the service desk's article: without the tools' fit it wins.
      item(
        'teams-caller',
        'Caller details',
        'The caller of an incident: name, phone and location of the caller, and the details of the incident.',
        teams,
      ),
      item('teams-1', 'Schedule a meeting', 'Plan a meeting from the calendar.', teams),
      item('teams-2', 'Join a meeting', 'Join from a link or the calendar.', teams),
      item('teams-3', 'Record a meeting', 'Start and stop recording.', teams),
    ];
    const own = buildMatchIndex(items);
    const top = (rank = {}) => searchIndex(own, 'incident caller details', { rank })[0]?.item.id;
    expect(top()).toBe('t:sn-caller');
    expect(top({ bucketFit: 0 })).toBe('t:teams-caller');
  });

  it('prefers items in the language of the query, when its words tell it', () => {
    const items = [
      item('en', 'Create a channel', 'Create a channel in a team.', { tools: ['teams'] }),
      item('de', 'Einen Kanal erstellen', 'So erstellen Sie einen Kanal (Channel) in einem Team.', {
        tools: ['teams'],
      }),
    ];
    const own = buildMatchIndex(items);
    // German with the English word of the interface: the English title has both words.
    const mixed = 'wie kann ich einen Channel erstellen';
    expect(searchIndex(own, mixed)[0]?.item.id).toBe('t:de');
    expect(searchIndex(own, mixed, { rank: { sameLanguage: 0 } })[0]?.item.id).toBe('t:en');
    expect(searchIndex(own, 'how do I create a channel')[0]?.item.id).toBe('t:en');
    // Both are found either way: the language only orders them.
    expect(searchIndex(own, mixed)).toHaveLength(2);
  });

  it('does not hold a rare word of the query back because another name for it is common', () => {
    const long = 'Where things sit on the screen, how they are grouped and ordered, and what each does.';
    const items = [
      item('pin', 'Pin apps with a setup policy', 'Choose the apps people see first.'),
      ...Array.from({ length: 4 }, (_, i) => item(`pin-${i}`, `Topic ${i}`, `${long} Pin it.`)),
      ...Array.from({ length: 3 }, (_, i) => item(`rail-${i}`, `Layout ${i}`, `${long} The rail.`)),
      ...Array.from({ length: 250 }, (_, i) => item(`policy-${i}`, `Setup policy ${i}`, 'A setup policy.')),
    ];
    const own = buildMatchIndex(items);
    const terms = parseAdminTerms({ terms: { pin: ['setup policy'] } }).value;
    // "rail" alone fills two results; "pin" still finds its article though "setup policy" is in
    // 250 items, and the results do not depend on how many were asked for.
    const top = (limit: number) => searchIndex(own, 'pin rail', { terms, limit }).map((hit) => hit.item.id);
    expect(top(2)[0]).toBe('t:pin');
    expect(top(30)[0]).toBe('t:pin');
  });

  it("uses an organisation's own terms", () => {
    const items = [item('connect-client', 'Connect with GlobalProtect', 'Install the client and sign in.')];
    const small = buildMatchIndex(items);
    expect(searchIndex(small, 'vpn')).toEqual([]);
    const terms = parseAdminTerms({ terms: { VPN: ['GlobalProtect'] } });
    expect(terms.errors).toEqual([]);
    expect(searchIndex(small, 'vpn', { terms: terms.value }).map((hit) => hit.item.id)).toEqual([
      't:connect-client',
    ]);
  });

  it('finds English articles for German words the glossary knows', () => {
    expect(ids('Seite aus einer Vorlage erstellen').slice(0, 3)).toContain(
      'builtin-demo:confluence-templates',
    );
  });

  it('splits German compounds against the glossary', () => {
    const small = buildMatchIndex([
      item('queue', 'Set up a call queue', 'Route incoming calls to agents.'),
      item('packages', 'Manage policy packages', 'Assign a set of policies at once.'),
      item('policies', 'Assign policies to users', 'Who gets which policy.'),
    ]);
    const first = (query: string) => searchIndex(small, query)[0]?.item.id;
    expect(first('Anrufwarteschleife einrichten')).toBe('t:queue');
    expect(first('Richtlinienpakete zuweisen')).toBe('t:packages');
  });

  it('says which terms matched, and breaks ties by endorsement and then freshness', () => {
    const items = [
      item('old', 'Fork a repository', 'Copy it.', { updatedAt: Date.parse('2024-01-01') }),
      item('new', 'Fork a repository', 'Copy it.', { updatedAt: Date.parse('2026-06-01') }),
    ];
    const small = buildMatchIndex(items);
    const hits = searchIndex(small, 'fork');
    expect(hits.map((hit) => hit.item.id)).toEqual(['t:new', 't:old']);
    expect(hits[0]?.matched).toContain('fork');
    expect(searchIndex(small, 'fork', { endorsed: new Set(['t:old']) })[0]?.item.id).toBe('t:old');
  });

  it('filters by tool and kind, and respects the limit', () => {
    const all = searchIndex(index, 'schedule');
    expect(new Set(all.map((hit) => hit.item.tools[0])).size).toBeGreaterThan(1);
    for (const hit of searchIndex(index, 'schedule', { tool: 'slack' }))
      expect(hit.item.tools).toContain('slack');
    for (const hit of searchIndex(index, 'schedule', { kind: 'tip' })) expect(hit.item.kind).toBe('tip');
    expect(searchIndex(index, 'schedule', { limit: 1 })).toHaveLength(1);
    expect(searchIndex(index, 'schedule', { tool: 'no-such-tool' })).toEqual([]);
  });

  it('finds nothing for nonsense or an empty query', () => {
    expect(ids('qwzzxv')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });

  it('counts another name only whole: no article of the demo has "expense report", though many say "report"', () => {
    expect(ids('expense mileage reimbursement')).toEqual([]);
    expect(ids('report')).not.toEqual([]);
  });
});

describe('isContentGap', () => {
  it('is true only when a query with meaningful words finds nothing after everything', () => {
    expect(isContentGap(index, 'qwzzxv plorf')).toBe(true);
    expect(isContentGap(index, 'how do I open a draft pull request')).toBe(false);
    expect(isContentGap(index, 'conditonal formating')).toBe(false);
    expect(isContentGap(index, 'how to')).toBe(false);
    expect(isContentGap(index, '')).toBe(false);
  });
});

describe('buildSearchIndex and searchItems', () => {
  it('keep their call shape over the shared index', () => {
    const search = buildSearchIndex(demo);
    const hits = searchItems(search, 'xlookup');
    expect(hits[0]?.item.id).toBe('builtin-demo:google-sheets-xlookup');
    expect(hits[0]?.matched).toContain('xlookup');
  });
});

describe('highlight', () => {
  it('marks the words whose stem matched, and gives the text back whole', () => {
    const segments = highlight('Schedule an email to arrive at a better time', ['schedul', 'email']);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['Schedule', 'email']);
    expect(segments.map((s) => s.text).join('')).toBe('Schedule an email to arrive at a better time');
    expect(highlight('Plain', [])).toEqual([{ text: 'Plain', match: false }]);
  });
});
