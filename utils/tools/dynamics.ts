import type { ToolDetector } from './types';

/**
 * Dynamics 365 / Dataverse regions (learn.microsoft.com "Datacenter regions"): crm = North
 * America, crm2 South America, crm3 Canada, crm4 Europe, crm5 Asia Pacific, crm6 Oceania, crm7
 * Japan, crm8 India, crm9 US GCC, crm11 UK, crm12 France, crm14 South Africa, crm15 UAE, crm16
 * Germany, crm17 Switzerland, crm19–crm22 the newer geographies.
 */
const CRM_REGIONS = [
  'crm',
  'crm2',
  'crm3',
  'crm4',
  'crm5',
  'crm6',
  'crm7',
  'crm8',
  'crm9',
  'crm11',
  'crm12',
  'crm14',
  'crm15',
  'crm16',
  'crm17',
  'crm19',
  'crm20',
  'crm21',
  'crm22',
];

const PAGE_TYPES = new Map([
  ['dashboard', 'dashboard'],
  ['search', 'search'],
  ['custom', 'custom-page'],
  ['webresource', 'web-resource'],
]);

/** Table logical names (`account`, `msevtmgt_event`) and menu items are plain identifiers. */
const IDENTIFIER = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

function identifier(text: string | null | undefined): string | undefined {
  const name = text?.toLowerCase();
  return name && IDENTIFIER.test(name) ? name : undefined;
}

/** Model-driven apps: main.aspx?appid=…&pagetype=entityrecord&etn=account&id=… */
function modelDrivenArea(url: URL): string | undefined {
  const params = url.searchParams;
  const pageType = params.get('pagetype')?.toLowerCase();
  const entity = identifier(params.get('etn'));
  if (pageType === 'entitylist' && entity) return `${entity}-list`;
  const screen = pageType && PAGE_TYPES.get(pageType);
  if (screen) return screen;
  if (entity) return entity;
  if (/^\/apps\b/.test(url.pathname)) return 'apps';
  return undefined;
}

export default {
  id: 'dynamics',
  name: 'Dynamics 365',
  hosts: [
    ...CRM_REGIONS.map((region) => `*.${region}.dynamics.com`),
    // Sovereign clouds: GCC High, DoD, China.
    '*.crm.microsoftdynamics.us',
    '*.crm.appsplatform.us',
    '*.crm.dynamics.cn',
    // Finance and Operations apps: <env>.operations.dynamics.com/?cmp=USMF&mi=CustTableListPage
    '*.operations.dynamics.com',
    // Business Central: businesscentral.dynamics.com/<tenant>/<environment>?company=…&page=21
    'businesscentral.dynamics.com',
  ],
  area(url) {
    const host = url.hostname.toLowerCase();
    if (host.endsWith('.operations.dynamics.com')) {
      const menuItem = identifier(url.searchParams.get('mi'));
      return menuItem === 'defaultdashboard' ? 'dashboard' : menuItem;
    }
    if (host === 'businesscentral.dynamics.com') {
      const page = url.searchParams.get('page');
      return page && /^\d+$/.test(page) ? `page-${page}` : undefined;
    }
    return modelDrivenArea(url);
  },
} satisfies ToolDetector;
