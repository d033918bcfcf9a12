// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('monday detector', () => {
  it.each([
    ['https://acme.monday.com/boards/1234567890', 'board'],
    ['https://acme.monday.com/boards/1234567890/views/98765', 'board'],
    ['https://acme.monday.com/boards/2150171022/pulses/2883586418', 'item'],
    ['https://acme.monday.com/overviews/55501', 'dashboard'],
    ['https://acme.monday.com/docs/7788', 'doc'],
    ['https://acme.monday.com/workspaces/123', 'workspace'],
    ['https://acme.monday.com/my_work', 'my-work'],
    ['https://acme.monday.com/admin/general/profile', 'admin'],
    ['https://acme.monday.com/', undefined],
  ])('%s → %s', (url, area) => expectDetected(url, 'monday', area));

  it.each([
    'https://acme.monday.com.evil.example/boards/1',
    'https://evilmonday.com/boards/1',
    'https://monday.com.evil.example/boards/1',
    'https://monday.com/boards/1',
    'https://evil.example/boards/1234567890?from=acme.monday.com',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads a board', () => {
    const screen = readScreen('monday', 'https://acme.monday.com/boards/1234567890');
    expectScreen(screen, 'monday', 'board');
    expect(screen.context.headings).toEqual(
      expect.arrayContaining(['Content calendar', 'This month', 'Next month']),
    );
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Kanban', 'Automate', 'Publish date', 'Working on it', 'Search']),
    );
  });
});
