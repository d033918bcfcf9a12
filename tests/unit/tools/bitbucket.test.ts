// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('bitbucket detector', () => {
  it.each([
    ['https://bitbucket.org/acme/payments/pull-requests/87', 'pull-request'],
    ['https://bitbucket.org/acme/payments/pull-requests/87/diff', 'pull-request'],
    ['https://bitbucket.org/acme/payments/pull-requests/new?source=feature/x', 'pull-request'],
    ['https://bitbucket.org/acme/payments/pull-requests/', 'pull-requests'],
    ['https://bitbucket.org/acme/payments/pipelines/results/412', 'pipeline'],
    ['https://bitbucket.org/acme/payments/pipelines', 'pipelines'],
    ['https://bitbucket.org/acme/payments/commits/4f9c2e1ab', 'commit'],
    ['https://bitbucket.org/acme/payments/commits/', 'commits'],
    ['https://bitbucket.org/acme/payments/branches/', 'branches'],
    ['https://bitbucket.org/acme/payments/src/main/README.md', 'code'],
    ['https://bitbucket.org/acme/payments/issues/3', 'issue'],
    ['https://bitbucket.org/acme/payments/deployments', 'deployments'],
    ['https://bitbucket.org/acme/payments/admin/access', 'settings'],
    ['https://bitbucket.org/acme/payments', 'repository'],
    ['https://bitbucket.org/acme/workspace/settings', 'settings'],
    ['https://bitbucket.org/acme/workspace/projects/PAY', 'workspace'],
    ['https://bitbucket.org/acme/', 'workspace'],
    ['https://bitbucket.org/dashboard/overview', 'dashboard'],
    ['https://bitbucket.org/product/features/pipelines', undefined],
  ])('%s → %s', (url, area) => expectDetected(url, 'bitbucket', area));

  it.each([
    'https://bitbucket.org.evil.example/acme/payments/pull-requests/1',
    'https://evil.example/bitbucket.org/acme/payments',
    'https://evilbitbucket.org/acme/payments',
    'https://acme.bitbucket.org/payments',
    'https://bitbucket.com/acme/payments',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads a pull request screen', () => {
    const screen = readScreen('bitbucket', 'https://bitbucket.org/acme/payments/pull-requests/87');
    expectScreen(screen, 'bitbucket', 'pull-request');
    expect(screen.context.headings).toEqual(expect.arrayContaining(['Retry failed webhooks', 'Reviewers']));
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['OPEN', 'Files changed', 'Approve', 'Request changes', 'Add a comment']),
    );
  });
});
