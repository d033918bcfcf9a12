import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETECTORS, detectTool, hostMatches } from '@/utils/tools';

describe('detector list', () => {
  const files = readdirSync(join(import.meta.dirname, '../../utils/tools'))
    .filter((file) => file.endsWith('.ts') && !['index.ts', 'types.ts'].includes(file))
    .map((file) => file.replace(/\.ts$/, ''));

  it('lists every detector file once, with the file name as its id', async () => {
    const ids = DETECTORS.map((detector) => detector.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...files].sort());
    for (const file of files) {
      const mod = (await import(`../../utils/tools/${file}.ts`)) as { default: { id: string } };
      expect(mod.default.id).toBe(file);
    }
  });
});

describe('detectTool', () => {
  it.each([
    ['https://github.com/acme/webapp/pull/42', 'github', 'pull-request'],
    ['https://github.com/acme/webapp/issues/7', 'github', 'issue'],
    ['https://github.com/acme/webapp/actions/runs/1', 'github', 'actions'],
    ['https://github.com/acme/webapp', 'github', 'repository'],
    ['https://acme.atlassian.net/browse/KAN-12', 'jira', 'issue'],
    ['https://acme.atlassian.net/jira/software/projects/KAN/boards/1', 'jira', 'board'],
    ['https://acme.atlassian.net/jira/software/projects/KAN/boards/1/backlog', 'jira', 'backlog'],
    ['https://acme.atlassian.net/jira/software/c/projects/KAN/boards/1?selectedIssue=KAN-3', 'jira', 'issue'],
    ['https://acme.atlassian.net/issues/?jql=project%20%3D%20KAN', 'jira', 'filter'],
    ['https://acme.atlassian.net/wiki/spaces/ENG/pages/123/Runbook', 'confluence', 'page'],
    ['https://docs.google.com/document/d/1abc/edit', 'google-docs', 'doc'],
    ['https://docs.google.com/spreadsheets/d/1abc/edit#gid=0', 'google-sheets', 'sheet'],
    ['https://mail.google.com/mail/u/0/#inbox', 'gmail', 'inbox'],
    ['https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAA/view', 'salesforce', 'opportunity'],
    ['https://acme.lightning.force.com/lightning/o/Lead/list?filterName=Recent', 'salesforce', 'lead'],
    ['https://app.slack.com/client/T0123/C0456', 'slack', 'channel'],
    ['https://outlook.office.com/calendar/view/week', 'outlook', 'calendar'],
    ['https://teams.microsoft.com/v2/', 'teams', undefined],
    ['https://acme-my.sharepoint.com/personal/jo_acme_com/_layouts/15/onedrive.aspx', 'onedrive', undefined],
    ['https://acme.sharepoint.com/sites/hr/SitePages/Home.aspx', 'sharepoint', 'page'],
  ])('%s → %s', (url, id, area) => {
    const detection = detectTool(url);
    expect(detection?.id).toBe(id);
    expect(detection?.area).toBe(area);
  });

  it.each([
    'https://acme.atlassian.net.evil.example/browse/KAN-1',
    'https://evil.example/?u=acme.atlassian.net',
    'https://evil.example/github.com/acme/webapp',
    'https://notgithub.com/acme/webapp',
    'https://github.com.evil.example/acme/webapp/pull/1',
    'https://atlassian.net/browse/KAN-1',
    'https://docs.google.com.evil.example/document/d/1',
    'https://evil-sharepoint.com/sites/hr',
    'https://mail.google.co/mail/u/0/',
    'file:///home/user/github.com/index.html',
    'chrome://extensions/',
    'about:blank',
    'javascript:alert(document.domain)//github.com',
    'data:text/html,<title>github.com</title>',
    'not a url',
    '',
  ])('is not fooled by %s', (url) => {
    expect(detectTool(url)).toBeNull();
  });

  it('compares hosts label by label', () => {
    expect(hostMatches('a.b.atlassian.net', '*.atlassian.net')).toBe(true);
    expect(hostMatches('GitHub.com.', 'github.com')).toBe(true);
    expect(hostMatches('xatlassian.net', '*.atlassian.net')).toBe(false);
    expect(hostMatches('atlassian.net', '*.atlassian.net')).toBe(false);
  });
});
