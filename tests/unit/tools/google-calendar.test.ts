// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('google-calendar detector', () => {
  it.each([
    ['https://calendar.google.com/calendar/u/0/r/week', 'calendar'],
    ['https://calendar.google.com/calendar/u/0/r/month/2026/3/1', 'calendar'],
    ['https://calendar.google.com/calendar/r', 'calendar'],
    ['https://calendar.google.com/calendar/u/0/r/eventedit/NXM0aDVxMmRpc2Q', 'event'],
    ['https://calendar.google.com/calendar/event?eid=NXM0aDVxMmRpc2Q', 'event'],
    ['https://calendar.google.com/calendar/u/0/r/settings/calendar/YQ', 'settings'],
    ['https://calendar.google.com/calendar/u/0/r/tasks', 'tasks'],
    ['https://calendar.google.com/calendar/u/0/r/search?q=offsite', 'search'],
    ['https://calendar.google.com/calendar/u/0/appointments/schedules/AcZssZ1', 'booking'],
  ])('%s → %s', (url, area) => expectDetected(url, 'google-calendar', area));

  it.each([
    'https://calendar.google.com.evil.example/calendar/u/0/r',
    'https://evil.example/calendar/u/0/r?host=calendar.google.com',
    'https://calendargoogle.com/calendar/u/0/r',
    'https://calendar.google.co/calendar/u/0/r',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads the week view', () => {
    const screen = readScreen('google-calendar', 'https://calendar.google.com/calendar/u/0/r/week');
    expectScreen(screen, 'google-calendar', 'calendar');
    expect(screen.context.headings).toEqual(
      expect.arrayContaining(['Calendar', 'March 2026', 'My calendars']),
    );
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Today', 'Previous week', 'Create', 'Maybe', 'Search for people']),
    );
  });
});
