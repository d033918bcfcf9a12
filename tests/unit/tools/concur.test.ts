// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('concur detector', () => {
  it.each([
    ['https://www.concursolutions.com/nui/expense', 'expense'],
    ['https://us2.concursolutions.com/nui/expense/reports/4C5E1B2A9F0D', 'expense-report'],
    ['https://eu2.concursolutions.com/nui/expense/report/4C5E1B2A9F0D', 'expense-report'],
    ['https://www.concursolutions.com/expense/client/default.asp', 'expense'],
    ['https://us2.concursolutions.com/nui/request', 'request'],
    ['https://eu2.concursolutions.com/travel/travelportal.asp', 'travel'],
    ['https://www.concursolutions.com/approvalsportal.asp', 'approvals'],
    ['https://us2.concursolutions.com/nui/invoice', 'invoice'],
    ['https://www.concursolutions.com/nui/authadmin/ssoadmin', 'admin'],
    ['https://www.concursolutions.com/home.asp', 'home'],
    ['https://eu2.concursolutions.com/', 'home'],
    ['https://us2.concursolutions.com/profile/ProfileUserSettings.asp', 'profile'],
  ])('%s → %s', (url, area) => expectDetected(url, 'concur', area));

  it.each([
    'https://www.concursolutions.com.evil.example/nui/expense',
    'https://concursolutions.com.evil.example/',
    'https://evilconcursolutions.com/nui/expense',
    'https://www.concur.com/en-us/expense-management',
    'https://evil.example/?u=us2.concursolutions.com',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads an expense report', () => {
    const screen = readScreen('concur', 'https://us2.concursolutions.com/nui/expense/reports/4C5E1B2A9F0D');
    expectScreen(screen, 'concur', 'expense-report');
    expect(screen.context.headings).toEqual(
      expect.arrayContaining(['Berlin customer visit', 'Expenses', 'Exceptions']),
    );
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Not Submitted', 'Submit Report', 'Expense Type', 'Business Purpose']),
    );
  });
});
