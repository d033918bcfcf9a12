// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('teams detector', () => {
  it.each([
    ['https://teams.microsoft.com/v2/', undefined],
    ['https://teams.microsoft.com/l/meetup-join/19%3ameeting_MGQ4%40thread.v2/0?context=%7b%7d', 'meeting'],
    ['https://teams.microsoft.com/meet/2349581234?p=AbCdEf', 'meeting'],
    ['https://teams.microsoft.com/l/chat/19:abc_def@unq.gbl.spaces/0?tenantId=x', 'chat'],
    ['https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1712345678901?groupId=g', 'message'],
    ['https://teams.microsoft.com/l/channel/19%3aabc%40thread.tacv2/General?groupId=g', 'channel'],
    ['https://teams.microsoft.com/l/team/19%3aabc%40thread.tacv2/conversations?groupId=g', 'team'],
    ['https://teams.microsoft.com/l/entity/com.microsoft.teamspace.tab.planner/tasks', 'app'],
    ['https://teams.microsoft.com/_#/calendarv2', 'calendar'],
    ['https://teams.microsoft.com/_#/conversations/General?threadId=19:abc', 'chat'],
    ['https://teams.live.com/v2/', undefined],
    ['https://teams.cloud.microsoft/l/chat/19:abc@unq.gbl.spaces/0', 'chat'],
    // The Teams admin center: its dashboard is an overview; other pages are read from the screen.
    ['https://admin.teams.microsoft.com/dashboard', 'admin-dashboard'],
    ['https://admin.teams.microsoft.com/policies/meetings/edit/Global', undefined],
    ['https://admin.teams.microsoft.com/users/4c9a6c8e-2d31-4b1a-9f8e-1a2b3c4d5e6f/policies', undefined],
  ])('%s → %s', (url, area) => expectDetected(url, 'teams', area));

  it.each([
    'https://teams.microsoft.com.evil.example/v2/',
    'https://evil.example/l/meetup-join/19%3ameeting?u=teams.microsoft.com',
    'https://microsoft.com/teams',
    'https://www.microsoft.com/en-us/microsoft-teams/group-chat-software',
    'https://teamsmicrosoft.com/v2/',
    'https://admin.teams.microsoft.com.evil.example/dashboard',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads the view from the title when the URL cannot tell', () => {
    const screen = readScreen('teams', 'https://teams.microsoft.com/v2/');
    expectScreen(screen, 'teams', 'calendar');
    expect(screen.context.headings).toEqual(expect.arrayContaining(['Calendar', 'Week of 9 March 2026']));
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Meet now', 'New meeting', 'Accepted', 'Calendar']),
    );
  });

  it('ignores titles that name no view', () => {
    const titled = (title: string) => new DOMParser().parseFromString(`<title>${title}</title>`, 'text/html');
    const url = 'https://teams.microsoft.com/v2/';
    expect(detectTool(url, titled('constructor | Microsoft Teams'))?.area).toBeUndefined();
    expect(detectTool(url, titled('Microsoft Teams'))?.area).toBeUndefined();
    expect(detectTool(url, titled('Chat | Dana Lee | Microsoft Teams'))?.area).toBe('chat');
  });
});
