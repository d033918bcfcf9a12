// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('linear detector', () => {
  it.each([
    ['https://linear.app/acme/issue/ENG-123/flaky-login-on-safari', 'issue'],
    ['https://linear.app/acme/issue/ENG-123', 'issue'],
    ['https://linear.app/acme/project/chatty-bugs-ddd8cae74a17', 'project'],
    ['https://linear.app/acme/project/mesh-tester-add1c613c89b/overview', 'project'],
    ['https://linear.app/acme/projects/all', 'projects'],
    ['https://linear.app/acme/view/open-bugs-4b1e2f', 'view'],
    ['https://linear.app/acme/team/ENG/active', 'issues'],
    ['https://linear.app/acme/team/ENG/backlog', 'issues'],
    ['https://linear.app/acme/team/ENG/triage', 'triage'],
    ['https://linear.app/acme/team/ENG/cycle/current', 'cycle'],
    ['https://linear.app/acme/inbox', 'inbox'],
    ['https://linear.app/acme/my-issues/assigned', 'my-issues'],
    ['https://linear.app/acme/initiatives', 'initiative'],
    ['https://linear.app/acme/settings/api', 'settings'],
    ['https://linear.app/docs/github', undefined],
  ])('%s → %s', (url, area) => expectDetected(url, 'linear', area));

  it.each([
    'https://linear.app.evil.example/acme/issue/ENG-1',
    'https://evillinear.app/acme/issue/ENG-1',
    'https://acme.linear.app/issue/ENG-1',
    'https://linear.com/acme/issue/ENG-1',
    'https://evil.example/acme/issue/ENG-1?from=linear.app',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads an issue', () => {
    const screen = readScreen('linear', 'https://linear.app/acme/issue/ENG-123/flaky-login-on-safari');
    expectScreen(screen, 'linear', 'issue');
    expect(screen.context.headings).toEqual(['Flaky login on Safari', 'Activity']);
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Change status', 'Change priority', 'Add to cycle', 'In Progress']),
    );
  });
});
