// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('outlook detector', () => {
  it.each([
    ['https://outlook.office.com/mail/', 'mail'],
    ['https://outlook.office.com/mail/inbox', 'mail'],
    ['https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWIzZjQtMDACLTAwCgAQAF', 'message'],
    ['https://outlook.office365.com/mail/id/AAQkADAwATM0MDAAMS1iNTcwLWIz', 'message'],
    ['https://outlook.office.com/mail/deeplink/compose?to=a%40example.org', 'compose'],
    ['https://outlook.office.com/mail/compose', 'compose'],
    ['https://outlook.office.com/calendar/view/week', 'calendar'],
    ['https://outlook.live.com/calendar/0/view/month', 'calendar'],
    ['https://outlook.cloud.microsoft/people/', 'people'],
    ['https://outlook.office.com/tasks/', 'tasks'],
    ['https://outlook.office.com/mail/options/general/appearance', 'settings'],
  ])('%s → %s', (url, area) => expectDetected(url, 'outlook', area));

  it.each([
    'https://outlook.office.com.evil.example/mail/',
    'https://evil.example/?redirect=outlook.office.com',
    'https://outlook.office.evil.example/mail/',
    'https://notoutlook.office.com/mail/',
    'https://outlook.com.evil.example/mail/',
    'https://www.microsoft.com/en-us/microsoft-365/outlook',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads the calendar screen', () => {
    const screen = readScreen('outlook', 'https://outlook.office.com/calendar/view/workweek');
    expectScreen(screen, 'outlook', 'calendar');
    expect(screen.context.headings).toEqual(expect.arrayContaining(['March 2026', 'My calendars']));
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['New event', 'Work week', 'Tentative', 'Search', 'Mon 9']),
    );
  });
});
