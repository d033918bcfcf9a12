// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('miro detector', () => {
  it.each([
    ['https://miro.com/app/board/uXjVN1abcDE=/', 'board'],
    ['https://miro.com/app/board/uXjVN1abcDE=/?moveToWidget=345', 'board'],
    ['https://miro.com/app/live-embed/uXjVN1abcDE=/', 'board'],
    ['https://miro.com/app/dashboard/', 'dashboard'],
    ['https://miro.com/app/settings/company/3458764/', 'settings'],
    ['https://miro.com/app/', undefined],
  ])('%s → %s', (url, area) => expectDetected(url, 'miro', area));

  it.each([
    'https://miro.com.evil.example/app/board/uXjVN1abcDE=/',
    'https://evilmiro.com/app/board/uXjVN1abcDE=/',
    'https://acme.miro.com/app/board/uXjVN1abcDE=/',
    'https://evil.example/app/board/uXjVN1abcDE=/',
    // The public site shares the host but is not the product.
    'https://miro.com/templates/retrospective/',
    'https://miro.com/application-form',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads a board', () => {
    const screen = readScreen('miro', 'https://miro.com/app/board/uXjVN1abcDE=/');
    expectScreen(screen, 'miro', 'board');
    expect(screen.context.headings).toEqual(
      expect.arrayContaining(['Q2 retro', 'What went well', 'Action items']),
    );
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Board menu', 'Sticky note', 'Voting in progress', 'Comment']),
    );
  });
});
