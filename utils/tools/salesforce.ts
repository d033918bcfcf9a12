import type { ToolDetector } from './types';

/** Record-id key prefixes of the standard objects, for Classic URLs that carry only an id. */
const KEY_PREFIXES = new Map([
  ['001', 'account'],
  ['003', 'contact'],
  ['006', 'opportunity'],
  ['00Q', 'lead'],
  ['500', 'case'],
  ['00T', 'task'],
  ['00U', 'event'],
  ['701', 'campaign'],
  ['800', 'contract'],
  ['801', 'order'],
  ['0Q0', 'quote'],
  ['005', 'user'],
  ['00O', 'report'],
  ['01Z', 'dashboard'],
]);

/** API name → area: lowercase, custom-object suffix dropped (`Invoice__c` → `invoice`). */
function objectArea(apiName: string): string | undefined {
  const name = apiName.toLowerCase().replace(/__(c|kav)$/, '');
  // API names: a letter first, single underscores inside, `__` only after a namespace prefix.
  return /^[a-z][a-z0-9]*(_{1,2}[a-z0-9]+)*$/.test(name) ? name : undefined;
}

function lightningArea(path: string): string | undefined {
  if (path.startsWith('/lightning/setup/')) return 'setup';
  if (/^\/lightning\/page\/home\b/.test(path)) return 'home';
  // Record: /lightning/r/<Object>/<id>/view (also /edit, /related/<Rel>/view)
  const record = /^\/lightning\/r\/(\w+)\/(\w{15}|\w{18})\//.exec(path);
  if (record?.[1]) return objectArea(record[1]);
  // Record by id alone: /lightning/r/<id>/view
  const byId = /^\/lightning\/r\/(\w{15}|\w{18})\/view\b/.exec(path);
  if (byId?.[1]) return KEY_PREFIXES.get(byId[1].slice(0, 3));
  // Object home or list view: /lightning/o/<Object>/list?filterName=…, /lightning/o/<Object>/home
  const list = /^\/lightning\/o\/(\w+)\/(list|home)\b/.exec(path);
  const listed = list?.[1] && objectArea(list[1]);
  if (listed) return `${listed}-list`;
  const create = /^\/lightning\/o\/(\w+)\/new\b/.exec(path);
  if (create?.[1]) return objectArea(create[1]);
  return undefined;
}

function classicArea(path: string): string | undefined {
  // Classic: /<id> for a record, /<prefix>/o for an object's tab.
  const tab = /^\/(\w{3})\/o\/?$/.exec(path);
  if (tab?.[1]) {
    const object = KEY_PREFIXES.get(tab[1]);
    return object && `${object}-list`;
  }
  const record = /^\/(\w{15}|\w{18})\/?$/.exec(path);
  return record?.[1] ? KEY_PREFIXES.get(record[1].slice(0, 3)) : undefined;
}

export default {
  id: 'salesforce',
  name: 'Salesforce',
  // Lightning, My Domain (Classic and API) and the separate Setup domain; sandboxes and Developer
  // Edition orgs sit below these (<domain>--<sandbox>.sandbox.lightning.force.com).
  hosts: ['*.lightning.force.com', '*.my.salesforce.com', '*.my.salesforce-setup.com'],
  area(url) {
    if (url.hostname.toLowerCase().endsWith('.my.salesforce-setup.com')) return 'setup';
    return url.pathname.startsWith('/lightning/') ? lightningArea(url.pathname) : classicArea(url.pathname);
  },
} satisfies ToolDetector;
