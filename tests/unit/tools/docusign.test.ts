// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('docusign detector', () => {
  it.each([
    ['https://apps.docusign.com/send/home', 'home'],
    ['https://apps.docusign.com/send/home?account=3f2c1a9e', 'home'],
    ['https://apps.docusign.com/send/documents?type=envelopes&folder=sent', 'agreements'],
    ['https://apps.docusign.com/send/prepare/5c0f7e2a-1111-2222-3333-444455556666/add-fields', 'prepare'],
    ['https://apps.docusign.com/send/templates', 'templates'],
    ['https://apps.docusign.com/send/reports', 'reports'],
    ['https://app.docusign.com/documents', 'agreements'],
    ['https://appdemo.docusign.com/home', 'home'],
    ['https://apps-d.docusign.com/send/documents', 'agreements'],
    ['https://admin.docusign.com/organizations/1/users', 'admin'],
    ['https://na3.docusign.net/Signing/?ti=0f1e2d3c4b5a', 'signing'],
    ['https://demo.docusign.net/Signing/EmailStart.aspx?a=1', 'signing'],
  ])('%s → %s', (url, area) => expectDetected(url, 'docusign', area));

  it.each([
    'https://apps.docusign.com.evil.example/send/home',
    'https://docusign.com.evil.example/',
    'https://evildocusign.net/Signing/',
    'https://docusign.net/Signing/',
    'https://www.docusign.com/products/electronic-signature',
    'https://evil.example/Signing/?ti=1&from=na3.docusign.net',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads the agreements list', () => {
    const screen = readScreen(
      'docusign',
      'https://apps.docusign.com/send/documents?type=envelopes&folder=sent',
    );
    expectScreen(screen, 'docusign', 'agreements');
    expect(screen.context.headings).toEqual(expect.arrayContaining(['Sent', 'Envelopes']));
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Start', 'Last Change', 'Waiting for Others', 'Search Inbox and Folders']),
    );
  });
});
