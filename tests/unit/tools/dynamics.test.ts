// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

const APP = 'main.aspx?appid=dd9233be-5e39-eb11-a813-000d3a5a17e3';

describe('dynamics detector', () => {
  it.each([
    [`https://contoso.crm.dynamics.com/${APP}&pagetype=entityrecord&etn=account&id=7c2b0c2f`, 'account'],
    [`https://contoso.crm4.dynamics.com/${APP}&pagetype=entityrecord&etn=incident&id=1`, 'incident'],
    [
      `https://contoso.crm11.dynamics.com/${APP}&pagetype=entitylist&etn=opportunity&viewid=9`,
      'opportunity-list',
    ],
    [`https://contoso.crm12.dynamics.com/${APP}&pagetype=dashboard&id=2701de60&type=system`, 'dashboard'],
    [
      `https://contoso.crm5.dynamics.com/${APP}&pagetype=entityrecord&etn=msevtmgt_event&id=1`,
      'msevtmgt_event',
    ],
    [`https://contoso.crm.dynamics.com/${APP}&pagetype=custom&name=dev_home_c8017`, 'custom-page'],
    [`https://contoso.crm.dynamics.com/${APP}&pagetype=webresource&webresourceName=x.html`, 'web-resource'],
    [`https://contoso.crm.dynamics.com/${APP}&pagetype=search&searchText=fabrikam`, 'search'],
    ['https://contoso.crm3.dynamics.com/main.aspx?etn=contact&pagetype=entityrecord&id=2', 'contact'],
    ['https://contoso.crm.dynamics.com/apps', 'apps'],
    [`https://contoso.crm.dynamics.com/${APP}&pagetype=constructor`, undefined],
    ['https://agency.crm9.dynamics.com/main.aspx?pagetype=entityrecord&etn=account', 'account'],
    ['https://agency.crm.microsoftdynamics.us/main.aspx?pagetype=entityrecord&etn=lead', 'lead'],
    ['https://usmf-prod.operations.dynamics.com/?cmp=USMF&mi=CustTableListPage', 'custtablelistpage'],
    ['https://usmf-uat.sandbox.operations.dynamics.com/?cmp=USMF&mi=DefaultDashboard', 'dashboard'],
    ['https://businesscentral.dynamics.com/7c2b0c2f/Production?company=CRONUS&page=21', 'page-21'],
  ])('%s → %s', (url, area) => expectDetected(url, 'dynamics', area));

  it.each([
    'https://contoso.crm.dynamics.com.evil.example/main.aspx',
    'https://crm.dynamics.com/main.aspx',
    'https://evilcrm.dynamics.com/main.aspx',
    'https://contoso.crm.dynamics.co/main.aspx',
    'https://contoso.crm99.dynamics.com/main.aspx',
    'https://dynamics.microsoft.com/en-us/sales/overview/',
    'https://evil.example/main.aspx?etn=account&pagetype=entityrecord',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads an account form', () => {
    const url = `https://contoso.crm.dynamics.com/${APP}&pagetype=entityrecord&etn=account&id=7c2b0c2f`;
    const screen = readScreen('dynamics', url);
    expectScreen(screen, 'dynamics', 'account');
    expect(screen.context.headings).toEqual(
      expect.arrayContaining(['Fabrikam, Inc.', 'ACCOUNT INFORMATION', 'Timeline']),
    );
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Save & Close', 'Deactivate', 'Account Name', 'Active', 'Related']),
    );
  });
});
