// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('google-sheets detector', () => {
  it.each([
    ['https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOp/edit#gid=0', 'sheet'],
    ['https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOp/edit?gid=123#gid=123', 'sheet'],
    ['https://docs.google.com/spreadsheets/d/e/2PACX-1vS/pubhtml', 'sheet'],
    ['https://docs.google.com/spreadsheets/u/0/', 'home'],
    ['https://docs.google.com/spreadsheets/u/2/d/1AbCdEfGhIjKlMnOp/edit', 'sheet'],
  ])('%s → %s', (url, area) => expectDetected(url, 'google-sheets', area));

  it.each([
    'https://docs.google.com.evil.example/spreadsheets/d/1',
    'https://sheets.google.com.evil.example/',
    'https://evil.example/spreadsheets/d/1',
    'https://docs.google.com/spreadsheetsx/d/1',
  ])('is not fooled by %s', (url) => expect(detectTool(url)?.id).not.toBe('google-sheets'));

  it('reads the editor', () => {
    const screen = readScreen(
      'google-sheets',
      'https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOp/edit',
    );
    expectScreen(screen, 'google-sheets', 'sheet');
    expect(screen.context.headings).toEqual(['Headcount plan 2026']);
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Formula bar', 'Insert chart', 'Team', 'Approved', 'Roles']),
    );
  });
});
