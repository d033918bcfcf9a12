// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('freshdesk detector', () => {
  it.each([
    ['https://acme.freshdesk.com/a/tickets/123', 'ticket'],
    ['https://acme.freshdesk.com/a/tickets/filters/all_tickets', 'tickets'],
    ['https://acme.freshdesk.com/a/tickets', 'tickets'],
    ['https://acme.freshdesk.com/a/contacts/43004567', 'contact'],
    ['https://acme.freshdesk.com/a/companies/44001', 'company'],
    ['https://acme.freshdesk.com/a/solutions/categories/1/folders/2', 'solutions'],
    ['https://acme.freshdesk.com/a/analytics/reports', 'analytics'],
    ['https://acme.freshdesk.com/a/admin/automations', 'admin'],
    ['https://acme.freshdesk.com/a/dashboard/default', 'dashboard'],
    ['https://acme.freshdesk.com/a/', 'dashboard'],
    ['https://acme.freshdesk.com/support/solutions/articles/4300012345-reset-your-password', 'article'],
    ['https://acme.freshdesk.com/support/tickets/new', 'request'],
    ['https://acme.freshdesk.com/support/home', 'portal'],
  ])('%s → %s', (url, area) => expectDetected(url, 'freshdesk', area));

  it.each([
    'https://evilfreshdesk.com/a/tickets/1',
    'https://acme.freshdesk.com.evil.example/a/tickets/1',
    'https://freshdesk.com/a/tickets/1',
    'https://evil.example/acme.freshdesk.com/a/tickets/1',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads a ticket screen', () => {
    const screen = readScreen('freshdesk', 'https://acme.freshdesk.com/a/tickets/123');
    expectScreen(screen, 'freshdesk', 'ticket');
    expect(screen.context.headings).toEqual(expect.arrayContaining(['Printer keeps jamming', 'Properties']));
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Add note', 'Status', 'Group', 'Overdue']),
    );
  });
});
