/**
 * Tools served on per-tenant wildcard hosts: the tenant's pages are the tool, the vendor's own
 * marketing, docs, help and status sites under the same wildcard are not (README, "Tools Signpost
 * recognises"). Real URL shapes of both.
 */
import { describe, expect, it } from 'vitest';
import { builtinExcludePatterns, DETECTORS, detectTool, hostMatches } from '@/utils/tools';

const TENANTS: [string, string][] = [
  ['https://acme.service-now.com/now/nav/ui/classic/params/target/incident.do', 'servicenow'],
  ['https://hi.service-now.com/hisp', 'servicenow'],
  ['https://acme.zendesk.com/agent/tickets/1234', 'zendesk'],
  ['https://support.zendesk.com/hc/en-us/articles/4408886879258', 'zendesk'],
  ['https://acme.okta.com/app/UserHome', 'okta'],
  ['https://acme-admin.okta.com/admin/dashboard', 'okta'],
  ['https://acme.freshdesk.com/a/tickets/42', 'freshdesk'],
  ['https://acme.slack.com/archives/C024BE91L', 'slack'],
  ['https://acme.monday.com/boards/123456789', 'monday'],
  ['https://acme.zoom.us/j/123456789', 'zoom'],
  ['https://acme.sharepoint.com/sites/IT/SitePages/Home.aspx', 'sharepoint'],
  ['https://performancemanager5.successfactors.eu/sf/home', 'successfactors'],
  ['https://acme.atlassian.net/browse/IT-1', 'jira'],
];

const VENDOR_SITES = [
  'https://www.service-now.com/',
  'https://www.zendesk.com/pricing/',
  'https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/',
  'https://status.zendesk.com/',
  'https://www.okta.com/products/single-sign-on/',
  'https://developer.okta.com/docs/guides/',
  'https://help.okta.com/en-us/content/index.htm',
  'https://support.okta.com/help/s/',
  'https://status.okta.com/',
  'https://trust.okta.com/',
  'https://www.freshdesk.com/',
  'https://developers.freshdesk.com/api/',
  'https://api.slack.com/methods/chat.postMessage',
  'https://status.slack.com/',
  'https://www.monday.com/',
  'https://support.monday.com/hc/en-us',
  'https://developer.monday.com/api-reference/docs',
  'https://community.monday.com/',
  'https://support.zoom.us/hc/en-us',
  'https://status.zoom.us/',
  'https://developers.zoom.us/docs/api/',
  'https://explore.zoom.us/en/products/meetings/',
  'https://www.sharepoint.com/',
  'https://www.successfactors.com/',
  'https://www.jira.com/',
];

describe('wildcard tenant hosts', () => {
  it.each(TENANTS)('%s is %s', (url, tool) => {
    expect(detectTool(url)?.id).toBe(tool);
  });

  it.each(VENDOR_SITES)('%s is the vendor, not the tool', (url) => {
    expect(detectTool(url)).toBeNull();
  });

  it('every excluded host lies under a wildcard of its own tool (else it excludes nothing)', () => {
    for (const detector of DETECTORS) {
      for (const host of detector.notHosts ?? []) {
        const covered = detector.hosts.some(
          (pattern) => pattern.startsWith('*.') && hostMatches(host, pattern),
        );
        expect(covered, `${detector.id}: ${host}`).toBe(true);
      }
    }
  });

  it('the content script is not injected into the vendors’ sites', () => {
    const excluded = builtinExcludePatterns();
    for (const url of VENDOR_SITES) expect(excluded).toContain(`https://${new URL(url).host}/*`);
  });
});
