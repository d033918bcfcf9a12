// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('confluence detector', () => {
  it.each([
    ['https://acme.atlassian.net/wiki/spaces/ENG/pages/123456/Incident+runbook', 'page'],
    ['https://acme.atlassian.net/wiki/spaces/ENG/pages/edit-v2/123456', 'editor'],
    ['https://acme.atlassian.net/wiki/spaces/ENG/pages/create?parentPageId=1', 'editor'],
    ['https://acme.atlassian.net/wiki/display/ENG/Incident+runbook', 'page'],
    ['https://acme.atlassian.net/wiki/x/AbCdEf', 'page'],
    ['https://acme.atlassian.net/wiki/spaces/ENG/blog/2025/03/04/98765/Release+notes', 'blog'],
    ['https://acme.atlassian.net/wiki/spaces/ENG/whiteboard/55555', 'whiteboard'],
    ['https://acme.atlassian.net/wiki/spaces/ENG/database/44444', 'database'],
    ['https://acme.atlassian.net/wiki/spaces/ENG/overview', 'space'],
    ['https://acme.atlassian.net/wiki/spaces/ENG', 'space'],
    ['https://acme.atlassian.net/wiki/spaces', 'spaces'],
    ['https://acme.atlassian.net/wiki/spaces/ENG/settings/permissions', 'settings'],
    ['https://acme.atlassian.net/wiki/search?text=runbook', 'search'],
    ['https://acme.atlassian.net/wiki/home', 'home'],
    ['https://acme.atlassian.net/wiki', 'home'],
  ])('%s → %s', (url, area) => expectDetected(url, 'confluence', area));

  it.each([
    'https://acme.atlassian.net.evil.example/wiki/spaces/ENG/pages/1',
    'https://evil.example/wiki/spaces/ENG/pages/1?host=acme.atlassian.net',
    'https://atlassian.net/wiki/spaces/ENG/pages/1',
    'https://confluence.evil.example/wiki/spaces/ENG/pages/1',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('gives Jira the rest of the site', () => {
    expect(detectTool('https://acme.atlassian.net/browse/ENG-1')?.id).toBe('jira');
    expect(detectTool('https://acme.atlassian.net/wikis/ENG')?.id).toBe('jira');
  });

  it('reads a page screen', () => {
    const url = 'https://acme.atlassian.net/wiki/spaces/ENG/pages/123456/Incident+runbook';
    const screen = readScreen('confluence', url);
    expectScreen(screen, 'confluence', 'page');
    expect(screen.context.headings).toEqual(
      expect.arrayContaining(['Incident runbook', 'Declare the incident', 'Status page template']),
    );
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Edit', 'Watch this page', 'VERIFIED', 'Add a comment']),
    );
  });
});
