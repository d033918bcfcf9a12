/**
 * Firefox's built-in data consent: the manifest declares, in Mozilla's categories, what the optional
 * daily report and the flag webhook send (issue 13), and nothing is required.
 */
import { describe, expect, it } from 'vitest';
import config, { DATA_COLLECTION } from '../../../wxt.config';

/** Mozilla's categories (Firefox 140+, toolkit/components/extensions/schemas/manifest.json). */
const PERSONAL = [
  'authenticationInfo',
  'bookmarksInfo',
  'browsingActivity',
  'financialAndPaymentInfo',
  'healthInfo',
  'locationInfo',
  'personalCommunications',
  'personallyIdentifyingInfo',
  'searchTerms',
  'websiteActivity',
  'websiteContent',
];

describe('Firefox data collection permissions', () => {
  it('are in the Firefox manifest: nothing required, the report’s and the webhook’s data optional', async () => {
    const manifest = config.manifest as (env: {
      browser: string;
      mode: string;
    }) => Promise<unknown> | unknown;
    const firefox = (await manifest({ browser: 'firefox', mode: 'production' })) as {
      browser_specific_settings: { gecko: { data_collection_permissions: unknown } };
    };
    expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual(DATA_COLLECTION);
    expect(DATA_COLLECTION.required).toEqual(['none']);
    // The daily report: Signpost's own use, per business tool; the webhook: what a champion writes.
    expect(DATA_COLLECTION.optional).toEqual(
      expect.arrayContaining(['technicalAndInteraction', 'browsingActivity', 'personalCommunications']),
    );
    for (const category of DATA_COLLECTION.optional)
      expect([...PERSONAL, 'technicalAndInteraction']).toContain(category);
  });
});
