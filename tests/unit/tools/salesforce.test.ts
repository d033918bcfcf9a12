// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

const LIGHTNING = 'https://acme.lightning.force.com';

describe('salesforce detector', () => {
  it.each([
    [`${LIGHTNING}/lightning/r/Opportunity/0065g00000AbCdEAAA/view`, 'opportunity'],
    [`${LIGHTNING}/lightning/r/Account/0015g00000XyZabAAB/view`, 'account'],
    [`${LIGHTNING}/lightning/r/Case/5005g00000QwErTAAZ/view`, 'case'],
    [`${LIGHTNING}/lightning/r/Lead/00Q5g00000LmNoPEAV/edit`, 'lead'],
    [`${LIGHTNING}/lightning/r/Account/0015g00000XyZabAAB/related/Contacts/view`, 'account'],
    [`${LIGHTNING}/lightning/r/Invoice__c/a015g00000HjKlMAAX/view`, 'invoice'],
    [`${LIGHTNING}/lightning/r/SBQQ__Quote__c/a0X5g00000HjKlMAAX/view`, 'sbqq__quote'],
    [`${LIGHTNING}/lightning/r/0065g00000AbCdEAAA/view`, 'opportunity'],
    [`${LIGHTNING}/lightning/o/Opportunity/list?filterName=Recent`, 'opportunity-list'],
    [`${LIGHTNING}/lightning/o/Account/home`, 'account-list'],
    [`${LIGHTNING}/lightning/o/Invoice__c/list`, 'invoice-list'],
    [`${LIGHTNING}/lightning/o/Case/new?count=1`, 'case'],
    [`${LIGHTNING}/lightning/r/Report/00O5g000004AbCdEAK/view`, 'report'],
    [`${LIGHTNING}/lightning/o/Report/home?queryScope=mru`, 'report-list'],
    [`${LIGHTNING}/lightning/r/Dashboard/01Z5g000000AbCdEAK/view`, 'dashboard'],
    [`${LIGHTNING}/lightning/page/home`, 'home'],
    [`${LIGHTNING}/lightning/setup/SetupOneHome/home`, 'setup'],
    ['https://acme--uat.sandbox.lightning.force.com/lightning/r/Contact/0035g00000AbCdEAAA/view', 'contact'],
    ['https://acme.my.salesforce-setup.com/lightning/setup/ManageUsers/home', 'setup'],
    ['https://acme.my.salesforce.com/0065g00000AbCdE', 'opportunity'],
    ['https://acme.my.salesforce.com/500/o', 'case-list'],
    ['https://acme.my.salesforce.com/apex/CustomPage', undefined],
  ])('%s → %s', (url, area) => expectDetected(url, 'salesforce', area));

  it.each([
    'https://acme.lightning.force.com.evil.example/lightning/r/Account/0015g00000XyZabAAB/view',
    'https://evil.example/?next=acme.lightning.force.com',
    'https://lightning.force.com/lightning/page/home',
    'https://acme.force.com/lightning/page/home',
    'https://acme.salesforce.com.evil.example/',
    'https://evilsalesforce.com/',
    'https://acme.my.site.com/s/',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads an opportunity record screen', () => {
    const screen = readScreen('salesforce', `${LIGHTNING}/lightning/r/Opportunity/0065g00000AbCdEAAA/view`);
    expectScreen(screen, 'salesforce', 'opportunity');
    expect(screen.context.headings).toEqual(
      expect.arrayContaining(['Globex renewal FY26', 'Opportunity Information', 'Products (2)']),
    );
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Mark Stage as Complete', 'Negotiation', 'Proposal/Price Quote', 'Next Step']),
    );
  });
});
