// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

describe('sap detector', () => {
  it.each([
    ['https://my123456.s4hana.ondemand.com/ui#Shell-home', 'home'],
    ['https://my123456.s4hana.ondemand.com/ui', 'home'],
    ['https://my426786.s4hana.cloud.sap/ui#Shell-home', 'home'],
    ['https://my426786.s4hana.cloud.sap/ui?sap-language=EN#Shell-appfinder', 'app-finder'],
    ['https://my300723.s4hana.ondemand.com/ui#PurchaseOrder-manage', 'purchaseorder-manage'],
    [
      "https://my313815.s4hana.ondemand.com/ui#SalesOrder-manageV2?SalesOrderDate=2024-03-01&/Manage('400')",
      'salesorder-managev2',
    ],
    [
      'https://my401292.s4hana.cloud.sap/ui#BillingDocument-manage&/object/display/',
      'billingdocument-manage',
    ],
    [
      'https://my300181.s4hana.ondemand.com/ui#Material-displayFactSheet?Product=TG11',
      'material-displayfactsheet',
    ],
    ['https://my426081.s4hana.cloud.sap/ui#WorkflowTask-displayInbox', 'workflowtask-displayinbox'],
    ['https://my123456.s4hana.ondemand.com/sap/bc/gui/sap/its/webgui', 'gui'],
  ])('%s → %s', (url, area) => expectDetected(url, 'sap', area));

  it.each([
    'https://my123456.s4hana.ondemand.com.evil.example/ui#Shell-home',
    'https://s4hana.ondemand.com/ui#Shell-home',
    'https://evil.example/ui#Shell-home',
    'https://evils4hana.cloud.sap/ui',
    // SAP's public site and other SAP clouds are not S/4HANA Cloud.
    'https://www.sap.com/products/erp/s4hana.html',
    'https://acme.launchpad.cfapps.eu10.hana.ondemand.com/site#Shell-home',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads a Fiori list report', () => {
    const screen = readScreen('sap', 'https://my300723.s4hana.ondemand.com/ui#PurchaseOrder-manage');
    expectScreen(screen, 'sap', 'purchaseorder-manage');
    expect(screen.context.headings).toEqual(
      expect.arrayContaining(['Manage Purchase Orders', 'Purchase Orders (24)']),
    );
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining(['Supplier', 'Adapt Filters (2)', 'Export to Spreadsheet', 'Net Value', 'Sent']),
    );
  });
});
