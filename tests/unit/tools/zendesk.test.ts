// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('zendesk detector', () => {
  it.each([
    ['https://acme.zendesk.com/agent/tickets/4821', 'ticket'],
    ['https://acme.zendesk.com/agent/tickets/new/1', 'ticket'],
    ['https://acme.zendesk.com/agent/filters/360001234567', 'view'],
    ['https://acme.zendesk.com/agent/users/3950711/requested_tickets', 'user'],
    ['https://acme.zendesk.com/agent/organizations/1122/tickets', 'organization'],
    ['https://acme.zendesk.com/agent/search/1?q=refund', 'search'],
    ['https://acme.zendesk.com/agent/dashboard', 'dashboard'],
    ['https://acme.zendesk.com/agent/', 'dashboard'],
    ['https://acme.zendesk.com/admin/objects-rules/rules/triggers', 'admin'],
    ['https://acme.zendesk.com/explore/studio#/dashboards', 'reporting'],
    ['https://acme.zendesk.com/knowledge/articles/360000111/en-us', 'knowledge'],
    ['https://acme.zendesk.com/hc/en-us/articles/360000111-Returns-policy', 'article'],
    ['https://acme.zendesk.com/hc/en-us/requests/new', 'request'],
    ['https://acme.zendesk.com/hc/en-us/community/topics/3600', 'community'],
    ['https://acme.zendesk.com/hc/en-us', 'help-center'],
  ])('%s → %s', (url, area) => expectDetected(url, 'zendesk', area));

  it.each([
    'https://evilzendesk.com/agent/tickets/1',
    'https://acme.zendesk.com.evil.example/agent/tickets/1',
    'https://evil.example/?return_to=https://acme.zendesk.com/agent',
    'https://zendesk.com/agent/tickets/1',
    'https://acme.zendesk.co/agent/tickets/1',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads a ticket screen', () => {
    const screen = readScreen('zendesk', 'https://acme.zendesk.com/agent/tickets/4821');
    expectScreen(screen, 'zendesk', 'ticket');
    expect(screen.context.headings).toEqual(expect.arrayContaining(['Refund not received']));
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining([
        'Requester',
        'Priority',
        'Open',
        'Internal note',
        'Apply macro',
        'Submit as Pending',
      ]),
    );
  });
});
