// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('microsoft-365 detector', () => {
  it.each([
    ['https://www.microsoft365.com/?auth=2', 'home'],
    ['https://www.office.com/', 'home'],
    ['https://office.com/', 'home'],
    ['https://m365.cloud.microsoft/', 'home'],
    ['https://m365.cloud.microsoft/chat/?auth=2', 'copilot'],
    ['https://m365.cloud.microsoft/apps', 'apps'],
    ['https://www.microsoft365.com/launch/word?auth=2', 'apps'],
    ['https://www.microsoft365.com/create', 'create'],
    ['https://www.office.com/mycontent', 'content'],
    ['https://www.microsoft365.com/search?q=budget', 'search'],
    // The admin center: its pages are in the fragment.
    ['https://admin.microsoft.com/', 'admin-dashboard'],
    ['https://admin.microsoft.com/Adminportal/Home#/homepage', 'admin-dashboard'],
    ['https://admin.microsoft.com/Adminportal/Home#/users', 'users'],
    ['https://admin.microsoft.com/Adminportal/Home#/users/:/UserDetails/4c9a6c8e', 'users'],
    ['https://admin.microsoft.com/Adminportal/Home#/groups', 'groups'],
    ['https://admin.microsoft.com/Adminportal/Home#/licenses', 'billing'],
    ['https://admin.microsoft.com/Adminportal/Home#/MessageCenter', 'message-center'],
    ['https://admin.microsoft.com/Adminportal/Home#/servicehealth', 'service-health'],
    ['https://admin.microsoft.com/Adminportal/Home#/Settings/Services', 'settings'],
    ['https://admin.cloud.microsoft/#/reportsUsage', 'reports'],
    ['https://admin.cloud.microsoft/#/copilot', 'copilot'],
    ['https://admin.microsoft.com/Adminportal/Home#/somethingnew', undefined],
  ])('%s → %s', (url, area) => expectDetected(url, 'microsoft-365', area));

  it.each([
    // Its apps with hosts of their own stay those tools.
    ['https://outlook.office.com/mail/', 'outlook'],
    ['https://teams.microsoft.com/v2/', 'teams'],
    ['https://admin.teams.microsoft.com/dashboard', 'teams'],
  ])('%s is %s, not Microsoft 365', (url, id) => expect(detectTool(url)?.id).toBe(id));

  it.each([
    'https://www.microsoft365.com.evil.example/',
    'https://evil-office.com/',
    'https://evil.example/?u=www.office.com',
    'https://m365.cloud.microsoft.evil.example/chat',
    'https://admin.microsoft.com.evil.example/#/users',
    'https://www.microsoft.com/en-us/microsoft-365',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads the home page: greeting, sections and actions, not the prompt being typed', () => {
    const screen = readScreen('microsoft-365', 'https://www.microsoft365.com/');
    expectScreen(screen, 'microsoft-365', 'home');
    expect(screen.context.headings).toEqual(expect.arrayContaining(['Quick access']));
    expect(screen.context.keywords).toEqual(expect.arrayContaining(['Upload', 'Recently opened']));
    expect(JSON.stringify(screen.context)).not.toContain('quarterly numbers');
  });
});
