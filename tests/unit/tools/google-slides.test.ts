// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('google-slides detector', () => {
  it.each([
    ['https://docs.google.com/presentation/d/1AbCdEfGhIjKl/edit', 'slide'],
    ['https://docs.google.com/presentation/d/1AbCdEfGhIjKl/edit#slide=id.p3', 'slide'],
    ['https://docs.google.com/presentation/d/1AbCdEfGhIjKl/present?slide=id.p', 'slide'],
    ['https://docs.google.com/presentation/u/0/', 'home'],
    ['https://docs.google.com/presentation/u/1/d/1AbCdEfGhIjKl/edit', 'slide'],
  ])('%s → %s', (url, area) => expectDetected(url, 'google-slides', area));

  it.each([
    'https://docs.google.com.evil.example/presentation/d/1/edit',
    'https://slides.google.com.evil.example/',
    'https://evil.example/presentation/d/1/edit',
    'https://docs.google.com/presentations/d/1/edit',
  ])('is not fooled by %s', (url) => expect(detectTool(url)?.id).not.toBe('google-slides'));

  it('reads the editor', () => {
    const screen = readScreen('google-slides', 'https://docs.google.com/presentation/d/1AbCdEfGhIjKl/edit');
    expectScreen(screen, 'google-slides', 'slide');
    expect(screen.context.headings).toEqual(
      expect.arrayContaining(['All-hands March', 'Welcome', 'Revenue update']),
    );
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Start slideshow', 'New slide', 'Transition', 'Speaker notes']),
    );
  });
});
