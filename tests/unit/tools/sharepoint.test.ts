// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('sharepoint detector', () => {
  it.each([
    ['https://acme.sharepoint.com/sites/hr/SitePages/Home.aspx', 'page'],
    ['https://acme.sharepoint.com/sites/hr/Lists/Onboarding/AllItems.aspx', 'list'],
    ['https://acme.sharepoint.com/sites/hr/Shared%20Documents/Forms/AllItems.aspx', 'library'],
    ['https://acme.sharepoint.com/teams/finance/Shared%20Documents/Budgets', 'library'],
    ['https://acme.sharepoint.com/sites/hr/_layouts/15/viewlsts.aspx', 'site-contents'],
    ['https://acme.sharepoint.com/sites/hr/_layouts/15/search.aspx?q=leave', 'search'],
    ['https://acme.sharepoint.com/search?q=leave', 'search'],
    ['https://acme.sharepoint.com/sites/hr/_layouts/15/settings.aspx', 'settings'],
    [
      'https://acme.sharepoint.com/sites/hr/_layouts/15/Doc.aspx?sourcedoc=%7B1234%7D&file=Policy.docx',
      'document',
    ],
    ['https://acme.sharepoint.com/_layouts/15/sharepoint.aspx', 'home'],
    ['https://acme.sharepoint.com/sites/hr', 'site'],
    ['https://acme.sharepoint.com/', 'home'],
  ])('%s → %s', (url, area) => expectDetected(url, 'sharepoint', area));

  it.each([
    'https://acme.sharepoint.com.evil.example/sites/hr',
    'https://evil-sharepoint.com/sites/hr',
    'https://sharepoint.com/sites/hr',
    'https://evil.example/sites/hr?ref=acme.sharepoint.com',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('leaves the -my personal sites to OneDrive', () => {
    expect(detectTool('https://acme-my.sharepoint.com/personal/dana_acme_com/Documents/x.docx')?.id).toBe(
      'onedrive',
    );
    expect(detectTool('https://acme-myhub.sharepoint.com/sites/hr')?.id).toBe('sharepoint');
  });

  it('reads a site page', () => {
    const screen = readScreen('sharepoint', 'https://acme.sharepoint.com/sites/hr/SitePages/Home.aspx');
    expectScreen(screen, 'sharepoint', 'page');
    expect(screen.context.headings).toEqual(
      expect.arrayContaining(['HR Hub', 'News', 'Open enrolment starts 1 November']),
    );
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Page details', 'Published', 'Search this site']),
    );
  });
});
