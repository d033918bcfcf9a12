// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('figma detector', () => {
  it.each([
    ['https://www.figma.com/design/AbCdEf123456/Checkout-redesign?node-id=0-1', 'design'],
    ['https://www.figma.com/design/AbCdEf123456/Checkout-redesign?node-id=12-3&m=dev', 'dev-mode'],
    ['https://www.figma.com/file/AbCdEf123456/Old-file-link', 'design'],
    ['https://www.figma.com/board/GhIjKl789012/Retro-board', 'board'],
    ['https://www.figma.com/proto/AbCdEf123456/Checkout-redesign?page-id=0%3A1', 'prototype'],
    ['https://www.figma.com/slides/MnOpQr345678/Quarterly-review', 'slides'],
    ['https://www.figma.com/files/team/123456/recents-and-sharing', 'files'],
    ['https://figma.com/design/AbCdEf123456/Checkout-redesign', 'design'],
    ['https://www.figma.com/community/file/1234/ui-kit', 'community'],
    ['https://www.figma.com/pricing/', undefined],
  ])('%s → %s', (url, area) => expectDetected(url, 'figma', area));

  it.each([
    'https://www.figma.com.evil.example/design/AbCdEf/x',
    'https://evilfigma.com/design/AbCdEf/x',
    'https://figma.evil.example/design/AbCdEf/x',
    'https://acme.figma.com/design/AbCdEf/x',
    'https://evil.example/?next=https://www.figma.com/design/AbCdEf',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads a design file', () => {
    const screen = readScreen('figma', 'https://www.figma.com/design/AbCdEf123456/Checkout-redesign');
    expectScreen(screen, 'figma', 'design');
    expect(screen.context.headings).toEqual(
      expect.arrayContaining(['Checkout redesign', 'Pages', 'Auto layout']),
    );
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Frame', 'Dev Mode', 'Prototype', 'Layer name', 'Ready for dev']),
    );
  });
});
