// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

const PERSONAL = 'https://acme-my.sharepoint.com/personal/dana_acme_com';

describe('onedrive detector', () => {
  it.each([
    ['https://acme-my.sharepoint.com/personal/dana_acme_com/_layouts/15/onedrive.aspx', 'files'],
    [`${PERSONAL}/_layouts/15/onedrive.aspx?id=%2Fpersonal%2Fdana_acme_com%2FDocuments`, 'files'],
    ['https://acme-my.sharepoint.com/:w:/g/personal/dana_acme_com/EaBcDeFgHi?e=Xy12', 'document'],
    ['https://acme-my.sharepoint.com/:x:/r/personal/dana_acme_com/Documents/Budget.xlsx', 'document'],
    ['https://acme-my.sharepoint.com/:f:/g/personal/dana_acme_com/EkLmNoPq?e=ab', 'files'],
    [
      'https://acme-my.sharepoint.com/personal/dana_acme_com/_layouts/15/Doc.aspx?sourcedoc={1}&action=edit',
      'document',
    ],
    ['https://contoso-eu-my.sharepoint.com/personal/lee_contoso_eu/Documents/Forms/All.aspx', 'files'],
    ['https://onedrive.live.com/?id=root&cid=ABCDEF0123456789', 'files'],
    ['https://onedrive.live.com/edit.aspx?resid=ABCDEF!123', 'document'],
    ['https://onedrive.cloud.microsoft/my?id=%2Fa%40j4kj6sq6%2FDocuments', 'files'],
  ])('%s → %s', (url, area) => expectDetected(url, 'onedrive', area));

  it.each([
    'https://acme-my.sharepoint.com.evil.example/personal/x',
    'https://evil.example/acme-my.sharepoint.com/personal/x',
    'https://onedrive.live.com.evil.example/',
    'https://my.sharepoint.com.evil.example/',
    'https://evilonedrive.live.com/',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('does not take plain SharePoint sites or hosts that only look personal', () => {
    expect(detectTool('https://acme.sharepoint.com/sites/hr')?.id).toBe('sharepoint');
    expect(detectTool('https://acme-my.sharepoint.com.evil.example/')).toBeNull();
    expect(detectTool('https://x.acme-my.sharepoint.com/personal/a')?.id).toBe('sharepoint');
    expect(detectTool('https://acme-my.sharepoint.com./personal/a')?.id).toBe('onedrive');
  });

  it('reads the My files screen', () => {
    const url = 'https://acme-my.sharepoint.com/personal/dana_acme_com/_layouts/15/onedrive.aspx';
    const screen = readScreen('onedrive', url);
    expectScreen(screen, 'onedrive', 'files');
    expect(screen.context.headings).toEqual(expect.arrayContaining(['My files', 'Recommended']));
    expect(screen.context.keywords).toEqual(expect.arrayContaining(['Upload', 'Sync', 'Shared', 'Search']));
  });
});
