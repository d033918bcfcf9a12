// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('google-docs detector', () => {
  it.each([
    ['https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit', 'doc'],
    ['https://docs.google.com/document/d/1AbCdEfG/edit?tab=t.0#heading=h.x1', 'doc'],
    ['https://docs.google.com/document/u/1/d/1AbCdEfG/edit', 'doc'],
    ['https://docs.google.com/document/d/e/2PACX-1vQ/pub', 'doc'],
    ['https://docs.google.com/document/u/0/', 'home'],
    ['https://docs.google.com/document/', 'home'],
  ])('%s → %s', (url, area) => expectDetected(url, 'google-docs', area));

  it.each([
    'https://docs.google.com.evil.example/document/d/1',
    'https://evil.example/document/d/1?src=docs.google.com',
    'https://docsgoogle.com/document/d/1',
    'https://docs.google.co/document/d/1',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('shares docs.google.com with the other editors by path', () => {
    expect(detectTool('https://docs.google.com/spreadsheets/d/1/edit')?.id).toBe('google-sheets');
    expect(detectTool('https://docs.google.com/presentation/d/1/edit')?.id).toBe('google-slides');
    expect(detectTool('https://docs.google.com/forms/d/1/edit')).toBeNull();
    expect(detectTool('https://docs.google.com/documents-evil/d/1')).toBeNull();
  });

  it('reads the editor', () => {
    const screen = readScreen('google-docs', 'https://docs.google.com/document/d/1AbCdEfG/edit');
    expectScreen(screen, 'google-docs', 'doc');
    expect(screen.context.title).toBe('Q3 planning memo - Google Docs');
    expect(screen.context.headings).toEqual(
      expect.arrayContaining(['Q3 planning memo', 'Goals', 'Headcount']),
    );
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Rename', 'Editing mode', 'All changes saved in Drive']),
    );
  });
});
