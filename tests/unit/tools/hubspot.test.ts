// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

const APP = 'https://app.hubspot.com';

describe('hubspot detector', () => {
  it.each([
    [`${APP}/contacts/246507261/record/0-1/51`, 'contact'],
    [`${APP}/contacts/246507261/record/0-2/9001`, 'company'],
    ['https://app-eu1.hubspot.com/contacts/39668252/record/0-3/1234', 'deal'],
    ['https://app-na2.hubspot.com/contacts/39668252/record/0-5/77', 'ticket'],
    ['https://app-ap1.hubspot.com/contacts/442914926/record/2-1234567/88', 'custom-object'],
    [`${APP}/contacts/246507261/objects/0-1/views/all/list`, 'contact-list'],
    ['https://app-na2.hubspot.com/contacts/39705134/objects/0-3/views/353515006/board', 'deal-board'],
    [`${APP}/contacts/246507261/contact/51`, 'contact'],
    [`${APP}/contacts/246507261/deals/board/view/all/`, 'deal-board'],
    [`${APP}/contacts/246507261/companies`, 'company-list'],
    [`${APP}/contacts/246507261/objectLists/12/`, 'lists'],
    [`${APP}/reports-dashboard/246507261/view/1234`, 'dashboard'],
    [`${APP}/reports-list/246507261/`, 'report'],
    [`${APP}/live-messages/246507261/inbox/98765`, 'inbox'],
    [`${APP}/help-desk/246507261/view/all`, 'help-desk'],
    [`${APP}/email/246507261/manage/state/all`, 'marketing-email'],
    [`${APP}/workflows/246507261/view/default`, 'workflows'],
    [`${APP}/settings/246507261/users`, 'settings'],
    [`${APP}/home`, 'home'],
  ])('%s → %s', (url, area) => expectDetected(url, 'hubspot', area));

  it.each([
    'https://app.hubspot.com.evil.example/contacts/1/record/0-1/1',
    'https://hubspot.com/contacts/1/record/0-1/1',
    'https://evilhubspot.com/contacts/1',
    'https://www.hubspot.com/products/crm',
    'https://evil.example/contacts/1/record/0-1/1',
    'https://app-xx9.hubspot.com.evil.example/',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads a deal record', () => {
    const screen = readScreen('hubspot', 'https://app-eu1.hubspot.com/contacts/39668252/record/0-3/1234');
    expectScreen(screen, 'hubspot', 'deal');
    expect(screen.context.headings).toEqual(
      expect.arrayContaining(['Globex – Enterprise renewal', 'About this deal', 'Contacts (3)']),
    );
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Contract sent', 'Note', 'Amount', 'Close date', 'Activities']),
    );
  });
});
