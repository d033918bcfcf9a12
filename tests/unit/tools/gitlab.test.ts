// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

const PROJECT = 'https://gitlab.com/acme/platform/webapp';

describe('gitlab detector', () => {
  it.each([
    [`${PROJECT}/-/merge_requests/87`, 'merge-request'],
    [`${PROJECT}/-/merge_requests/87/diffs`, 'merge-request'],
    [`${PROJECT}/-/merge_requests/new?merge_request%5Bsource_branch%5D=x`, 'merge-request'],
    [`${PROJECT}/-/merge_requests?scope=all&state=opened`, 'merge-requests'],
    [`${PROJECT}/-/issues/12`, 'issue'],
    [`${PROJECT}/-/work_items/12`, 'issue'],
    [`${PROJECT}/-/issues`, 'issues'],
    [`${PROJECT}/-/boards/3`, 'board'],
    ['https://gitlab.com/groups/acme/-/epics/4', 'epic'],
    [`${PROJECT}/-/pipelines/1234567890`, 'pipeline'],
    [`${PROJECT}/-/pipelines`, 'pipelines'],
    [`${PROJECT}/-/jobs/987654`, 'job'],
    [`${PROJECT}/-/commit/4f9c2e1ab7d`, 'commit'],
    [`${PROJECT}/-/commits/main`, 'commits'],
    [`${PROJECT}/-/blob/main/README.md`, 'code'],
    [`${PROJECT}/-/tree/main/src`, 'code'],
    [`${PROJECT}/-/wikis/home`, 'wiki'],
    [`${PROJECT}/-/releases`, 'releases'],
    [`${PROJECT}/-/settings/ci_cd`, 'settings'],
    ['https://gitlab.com/dashboard/merge_requests?assignee_username=dana', 'merge-requests'],
    ['https://gitlab.com/dashboard/todos', 'todos'],
    ['https://gitlab.com/users/sign_in', 'sign-in'],
    ['https://gitlab.com/dashboard/projects', 'dashboard'],
    ['https://gitlab.com/dashboard', 'dashboard'],
    // Instances from before GitLab 13 write a project's screens without /-/.
    [`${PROJECT}/merge_requests/87`, 'merge-request'],
    [`${PROJECT}/merge_requests`, 'merge-requests'],
    ['https://gitlab.com/acme/webapp/issues/12', 'issue'],
    ['https://gitlab.com/acme/webapp/pipelines/4711', 'pipeline'],
    ['https://gitlab.com/acme/webapp/settings/repository', 'settings'],
    ['https://gitlab.com/acme/webapp/blob/master/README.md', 'code'],
    ['https://gitlab.com/acme/issues', undefined],
    [PROJECT, undefined],
    ['https://southwest.gitlab-dedicated.com/ops/infra/-/merge_requests/5', 'merge-request'],
  ])('%s → %s', (url, area) => expectDetected(url, 'gitlab', area));

  it.each([
    'https://gitlab.com.evil.example/acme/webapp/-/merge_requests/1',
    'https://evilgitlab.com/acme/webapp',
    'https://evil.example/gitlab.com/acme/webapp/-/issues/1',
    'https://gitlab-dedicated.com/acme/webapp',
    'https://acme.gitlab.io/webapp',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('names a project overview from the page when the URL cannot', () => {
    const screen = readScreen('gitlab', PROJECT);
    expectScreen(screen, 'gitlab', 'repository');
    expect(screen.context.headings).toEqual(expect.arrayContaining(['webapp', 'README.md']));
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Fork', 'passed', 'Last commit', 'Switch branch/tag']),
    );
  });
});
