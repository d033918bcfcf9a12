// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('zoom detector', () => {
  it.each([
    ['https://zoom.us/j/83412345678?pwd=AbCdEf', 'meeting'],
    ['https://acme.zoom.us/j/83412345678', 'meeting'],
    ['https://us02web.zoom.us/j/83412345678?pwd=AbCdEf', 'meeting'],
    ['https://zoom.us/my/dana.lee', 'meeting'],
    ['https://app.zoom.us/wc/83412345678/join?fromPWA=1', 'meeting'],
    ['https://app.zoom.us/wc/join/83412345678', 'meeting'],
    ['https://app.zoom.us/wc/home', 'home'],
    ['https://app.zoom.us/wc/team-chat', 'chat'],
    ['https://app.zoom.us/wc/calendar', 'calendar'],
    ['https://docs.zoom.us/doc/AbCdEf', undefined],
    ['https://zoom.us/meeting#/upcoming', 'meetings'],
    ['https://acme.zoom.us/recording/management', 'recordings'],
    ['https://zoom.us/profile', 'profile'],
    ['https://zoom.us/account/setting', 'admin'],
    ['https://zoom.us/signin', 'sign-in'],
    ['https://agency.zoomgov.com/j/1612345678', 'meeting'],
  ])('%s → %s', (url, area) => expectDetected(url, 'zoom', area));

  it.each([
    'https://zoom.us.evil.example/j/83412345678',
    'https://evilzoom.us/j/83412345678',
    'https://zoom-us.evil.example/j/83412345678',
    'https://evil.example/j/83412345678?u=zoom.us',
    'https://zoom.com.evil.example/j/1',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads the meetings list', () => {
    const screen = readScreen('zoom', 'https://zoom.us/meeting#/upcoming');
    expectScreen(screen, 'zoom', 'meetings');
    expect(screen.context.headings).toEqual(['Meetings']);
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Personal Room', 'Schedule a Meeting', 'Meeting ID', 'Recurring', 'Passcode']),
    );
  });
});
