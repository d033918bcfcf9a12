// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('jira detector', () => {
  it.each([
    ['https://acme.atlassian.net/browse/KAN-12', 'issue'],
    ['https://acme.atlassian.net/jira/software/projects/KAN/boards/1', 'board'],
    ['https://acme.atlassian.net/jira/software/c/projects/KAN/boards/7?quickFilter=3', 'board'],
    ['https://acme.atlassian.net/jira/software/projects/KAN/boards/1/backlog', 'backlog'],
    ['https://acme.atlassian.net/jira/software/c/projects/KAN/boards/1?selectedIssue=KAN-3', 'issue'],
    ['https://acme.atlassian.net/jira/servicedesk/projects/IT/queues/custom/1', 'queue'],
    ['https://acme.atlassian.net/jira/servicedesk/projects/IT/queues/custom/1/IT-512', 'issue'],
    ['https://acme.atlassian.net/jira/software/projects/KAN/issues/KAN-9?jql=project%20%3D%20KAN', 'issue'],
    ['https://acme.atlassian.net/issues/?jql=project%20%3D%20KAN', 'filter'],
    ['https://acme.atlassian.net/issues/?filter=10042', 'filter'],
    ['https://acme.atlassian.net/jira/filters', 'filter'],
    ['https://acme.atlassian.net/jira/software/projects/KAN/boards/1/timeline', 'timeline'],
    ['https://acme.atlassian.net/jira/dashboards/10001', 'dashboard'],
    ['https://acme.atlassian.net/jira/core/projects/OPS/list', 'list'],
    ['https://acme.atlassian.net/jira/software/projects/KAN/summary', 'summary'],
    ['https://acme.atlassian.net/servicedesk/customer/portal/2/group/5', 'portal'],
    ['https://acme.atlassian.net/jira/your-work', 'your-work'],
    ['https://acme.atlassian.net/jira/software/projects/KAN/settings/details', 'settings'],
    ['https://legacy.jira.com/browse/OPS-7', 'issue'],
    ['https://acme.atlassian.net/', undefined],
  ])('%s → %s', (url, area) => expectDetected(url, 'jira', area));

  it.each([
    'https://acme.atlassian.net.evil.example/browse/KAN-1',
    'https://evil.example/?u=acme.atlassian.net',
    'https://evil.example/acme.atlassian.net/browse/KAN-1',
    'https://atlassian.net/browse/KAN-1',
    'https://evilatlassian.net/browse/KAN-1',
    'https://acme.atlassian.com.evil.example/browse/KAN-1',
    'ftp://acme.atlassian.net/browse/KAN-1',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('leaves /wiki to Confluence and /compass alone', () => {
    expect(detectTool('https://acme.atlassian.net/wiki/spaces/ENG/overview')?.id).toBe('confluence');
    expect(detectTool('https://acme.atlassian.net/wiki')?.id).toBe('confluence');
    expect(detectTool('https://acme.atlassian.net/compass/components')).toBeNull();
    // A path that only starts like /wiki is still Jira.
    expect(detectTool('https://acme.atlassian.net/wikipedia-import')?.id).toBe('jira');
  });

  it('reads a board screen', () => {
    const screen = readScreen('jira', 'https://acme.atlassian.net/jira/software/projects/KAN/boards/1');
    expectScreen(screen, 'jira', 'board');
    expect(screen.context.title).toBe('KAN board - Kanban project - Jira');
    expect(screen.context.headings).toEqual(expect.arrayContaining(['KAN Sprint 21', 'To Do', 'Done']));
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Search this board', 'Complete sprint', 'Insights', 'IN PROGRESS']),
    );
  });
});
