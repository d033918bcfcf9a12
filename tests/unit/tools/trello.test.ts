// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('trello detector', () => {
  it.each([
    ['https://trello.com/b/Xy12Ab34/marketing-launch', 'board'],
    ['https://trello.com/b/Xy12Ab34', 'board'],
    ['https://trello.com/c/Ab12Cd34/7-write-press-release', 'card'],
    ['https://trello.com/c/Ab12Cd34', 'card'],
    ['https://trello.com/w/acmemarketing', 'workspace'],
    ['https://trello.com/w/acmemarketing/members', 'workspace'],
    ['https://trello.com/u/dana/boards', 'boards'],
    ['https://trello.com/u/dana', 'profile'],
    ['https://trello.com/templates', undefined],
  ])('%s → %s', (url, area) => expectDetected(url, 'trello', area));

  it.each([
    'https://trello.com.evil.example/b/Xy12Ab34/x',
    'https://evil.example/trello.com/b/Xy12Ab34',
    'https://nottrello.com/b/Xy12Ab34',
    'https://acme.trello.com/b/Xy12Ab34',
    'http://trello.co/b/Xy12Ab34',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads a board screen', () => {
    const screen = readScreen('trello', 'https://trello.com/b/Xy12Ab34/marketing-launch');
    expectScreen(screen, 'trello', 'board');
    expect(screen.context.title).toBe('Marketing launch | Trello');
    expect(screen.context.headings).toEqual(expect.arrayContaining(['Marketing launch', 'Backlog', 'Doing']));
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Filter cards', 'Automation', 'Due soon', 'Add card']),
    );
  });
});
