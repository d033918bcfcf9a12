// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('github detector', () => {
  it.each([
    ['https://github.com/acme/webapp/pull/42', 'pull-request'],
    ['https://github.com/acme/webapp/pull/42/files', 'pull-request'],
    ['https://github.com/acme/webapp/compare/main...feature?expand=1', 'pull-request'],
    ['https://github.com/acme/webapp/pulls?q=is%3Aopen', 'pull-requests'],
    ['https://github.com/pulls', 'pull-requests'],
    ['https://github.com/acme/webapp/issues/7', 'issue'],
    ['https://github.com/acme/webapp/issues', 'issues'],
    ['https://github.com/issues/assigned', 'issues'],
    ['https://github.com/acme/webapp/actions/runs/1', 'actions'],
    ['https://github.com/acme/webapp/discussions/12', 'discussions'],
    ['https://github.com/orgs/acme/projects/3/views/1', 'projects'],
    ['https://github.com/acme/webapp/releases/tag/v1.2.0', 'releases'],
    ['https://github.com/acme/webapp/wiki/Runbook', 'wiki'],
    ['https://github.com/acme/webapp/security/dependabot', 'security'],
    ['https://github.com/acme/webapp/settings/branches', 'settings'],
    ['https://github.com/acme/webapp/commit/4f9c2e1ab7', 'commit'],
    ['https://github.com/acme/webapp/commits/main', 'commits'],
    ['https://github.com/acme/webapp/blob/main/README.md', 'code'],
    ['https://github.com/acme/webapp/tree/main/src', 'code'],
    ['https://github.com/acme/webapp', 'repository'],
    ['https://github.com/orgs/acme/people', 'organization'],
    ['https://github.com/notifications', 'notifications'],
    ['https://github.com/search?q=rate+limit&type=code', 'search'],
    ['https://github.com/settings/profile', 'settings'],
    ['https://github.com/', 'dashboard'],
    ['https://github.com/features/copilot', undefined],
    ['https://github.com/dana', undefined],
    ['https://acme.ghe.com/platform/api/pull/1255/changes', 'pull-request'],
  ])('%s → %s', (url, area) => expectDetected(url, 'github', area));

  it.each([
    'https://evil.example/github.com/acme/webapp',
    'https://notgithub.com/acme/webapp',
    'https://github.com.evil.example/acme/webapp/pull/1',
    'https://gist.github.com.evil.example/',
    'https://ghe.com/acme/webapp',
    'https://github.io/acme',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads a pull request', () => {
    const screen = readScreen('github', 'https://github.com/acme/webapp/pull/42');
    expectScreen(screen, 'github', 'pull-request');
    expect(screen.context.headings).toEqual(
      expect.arrayContaining([
        'Add rate limiting to the export API #42',
        'Reviewers',
        'All checks have passed',
      ]),
    );
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Open', 'Files changed', 'Squash and merge', 'Add a comment']),
    );
  });
});
