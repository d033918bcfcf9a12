// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('slack detector', () => {
  it.each([
    ['https://app.slack.com/client/T0123ABCD/C0456EFGH', 'channel'],
    ['https://app.slack.com/client/T0123ABCD/G0456EFGH', 'channel'],
    ['https://app.slack.com/client/T0123ABCD/D0456EFGH', 'direct-message'],
    ['https://app.slack.com/client/T0123ABCD/C0456EFGH/thread/C0456EFGH-1712345678.123456', 'thread'],
    ['https://app.slack.com/client/T0123ABCD/threads', 'threads'],
    ['https://app.slack.com/client/T0123ABCD/activity', 'activity'],
    ['https://app.slack.com/client/T0123ABCD/search', 'search'],
    ['https://app.slack.com/client/T0123ABCD/later', 'later'],
    ['https://app.slack.com/client/T0123ABCD/browse-channels', 'browse'],
    ['https://app.slack.com/docs/T0123ABCD/F0789IJKL', 'canvas'],
    ['https://app.slack.com/huddle/T0123ABCD/C0456EFGH', 'huddle'],
    ['https://acme.slack.com/archives/C0456EFGH/p1712345678123456', 'channel'],
    ['https://acme.enterprise.slack.com/archives/D0456EFGH/p1712345678123456', 'direct-message'],
    ['https://acme.slack.com/admin', 'admin'],
    ['https://app.slack.com/client/T0123ABCD', undefined],
  ])('%s → %s', (url, area) => expectDetected(url, 'slack', area));

  it.each([
    'https://app.slack.com.evil.example/client/T1/C1',
    'https://evilslack.com/client/T1/C1',
    'https://slack.com.evil.example/',
    'https://evil.example/?redirect=https://app.slack.com/client/T1/C1',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads a channel', () => {
    const screen = readScreen('slack', 'https://app.slack.com/client/T0123ABCD/C0456EFGH');
    expectScreen(screen, 'slack', 'channel');
    expect(screen.context.headings).toEqual(['Today']);
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Channel details', 'Canvas', 'Start a huddle', 'Edited', 'Message #it-help']),
    );
  });
});
