// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('google-drive detector', () => {
  it.each([
    ['https://drive.google.com/drive/u/0/folders/1AbCdEfGhIjKlMnOp', 'folder'],
    ['https://drive.google.com/drive/folders/1AbCdEfGhIjKlMnOp', 'folder'],
    ['https://drive.google.com/drive/my-drive', 'my-drive'],
    ['https://drive.google.com/drive/u/1/shared-with-me', 'shared-with-me'],
    ['https://drive.google.com/drive/shared-drives', 'shared-drives'],
    ['https://drive.google.com/drive/recent', 'recent'],
    ['https://drive.google.com/drive/u/0/starred', 'starred'],
    ['https://drive.google.com/drive/trash', 'trash'],
    ['https://drive.google.com/drive/u/0/search?q=budget', 'search'],
    ['https://drive.google.com/drive/home', 'home'],
    ['https://drive.google.com/drive/u/0/', 'home'],
    ['https://drive.google.com/', 'home'],
    ['https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp/view?usp=sharing', 'file'],
    ['https://drive.google.com/drive/constructor', undefined],
  ])('%s → %s', (url, area) => expectDetected(url, 'google-drive', area));

  it.each([
    'https://drive.google.com.evil.example/drive/my-drive',
    'https://evil.example/drive/my-drive',
    'https://drivegoogle.com/drive/my-drive',
    'https://drive.google.co/drive/my-drive',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads a folder', () => {
    const screen = readScreen('google-drive', 'https://drive.google.com/drive/u/0/folders/1AbCdEfGhIjKlMnOp');
    expectScreen(screen, 'google-drive', 'folder');
    expect(screen.context.headings).toEqual(['Finance']);
    expect(screen.context.keywords).toEqual(expect.arrayContaining(['Modified', 'Owner', 'Search in Drive']));
  });
});
