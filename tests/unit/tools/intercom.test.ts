// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('intercom detector', () => {
  it.each([
    ['https://app.intercom.com/a/inbox/ogv74k5c/inbox/conversation/215470012345', 'conversation'],
    ['https://app.intercom.com/a/inbox/ogv74k5c/inbox/shared/all/conversation/215470012345', 'conversation'],
    ['https://app.intercom.com/a/apps/lkqcyt9t/conversations/137324500000000', 'conversation'],
    ['https://app.intercom.com/a/inbox/ogv74k5c/inbox/admin/1234', 'inbox'],
    ['https://app.eu.intercom.com/a/inbox/ogv74k5c/inbox/shared/unassigned', 'inbox'],
    ['https://app.au.intercom.com/a/apps/ogv74k5c/users/segments/all-users', 'contacts'],
    ['https://app.intercom.com/a/apps/ogv74k5c/users/64f0a1/all-conversations', 'contact'],
    ['https://app.intercom.com/a/apps/ogv74k5c/articles/articles/123/show', 'knowledge'],
    ['https://app.intercom.com/a/apps/ogv74k5c/knowledge-hub/overview', 'knowledge'],
    ['https://app.intercom.com/a/apps/ogv74k5c/outbound/all', 'outbound'],
    ['https://app.intercom.com/a/apps/ogv74k5c/reports/overview', 'reports'],
    ['https://app.intercom.com/a/apps/ogv74k5c/fin-ai-agent/setup', 'automation'],
    ['https://app.intercom.com/a/apps/ogv74k5c/settings/workspace/general', 'settings'],
    ['https://app.intercom.com/a/apps/_/developer-hub', 'developer-hub'],
    ['https://app.intercom.com/a/apps/ogv74k5c/home', 'home'],
  ])('%s → %s', (url, area) => expectDetected(url, 'intercom', area));

  it.each([
    'https://app.intercom.com.evil.example/a/inbox/x',
    'https://intercom.com/a/inbox/x',
    'https://evilapp.intercom.com/a/inbox/x',
    'https://www.intercom.com/pricing',
    'https://widget.intercom.io/widget/ogv74k5c',
    'https://evil.example/a/inbox/ogv74k5c/inbox/conversation/1',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads a conversation', () => {
    const url = 'https://app.intercom.com/a/inbox/ogv74k5c/inbox/conversation/215470012345';
    const screen = readScreen('intercom', url);
    expectScreen(screen, 'intercom', 'conversation');
    expect(screen.context.headings).toEqual(
      expect.arrayContaining(["Can't export invoices to CSV", 'Conversation attributes', 'Fin AI Agent']),
    );
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Snooze', 'Note', 'Send', 'Open', 'Priority']),
    );
  });
});
