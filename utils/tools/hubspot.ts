import type { ToolDetector } from './types';

/** CRM object type ids as they appear in record and index URLs (0-1 contacts, 0-3 deals, …). */
const OBJECT_TYPES = new Map([
  ['0-1', 'contact'],
  ['0-2', 'company'],
  ['0-3', 'deal'],
  ['0-5', 'ticket'],
  ['0-7', 'product'],
  ['0-14', 'quote'],
  ['0-27', 'task'],
  ['0-53', 'invoice'],
  ['0-136', 'lead'],
]);

/** Older index pages: /contacts/<portal>/deals/… */
const LEGACY_LISTS = new Map([
  ['contacts', 'contact'],
  ['companies', 'company'],
  ['deals', 'deal'],
  ['tickets', 'ticket'],
]);

const APP_AREAS: [RegExp, string][] = [
  [/^\/reports-dashboard\//, 'dashboard'],
  [/^\/(reports-list|report-builder|reports)\//, 'report'],
  [/^\/(live-messages|inbox)\//, 'inbox'],
  [/^\/help-desk\//, 'help-desk'],
  [/^\/email\//, 'marketing-email'],
  [/^\/sequences\//, 'sequences'],
  [/^\/workflows\//, 'workflows'],
  [/^\/forms\//, 'forms'],
  [/^\/(website|pages)\//, 'website'],
  [/^\/knowledge\//, 'knowledge-base'],
  [/^\/campaigns\//, 'campaigns'],
  [/^\/tasks\//, 'tasks'],
  [/^\/(settings|user-preferences)\//, 'settings'],
  [/^\/(home|user-guide)\b|^\/?$/, 'home'],
];

function objectName(typeId: string): string {
  // Custom objects have ids 2-<n>.
  return OBJECT_TYPES.get(typeId) ?? (typeId.startsWith('2-') ? 'custom-object' : 'record');
}

function crmArea(rest: string[]): string | undefined {
  const [kind, typeId, , , view] = rest;
  // /contacts/<portal>/record/0-3/<id>
  if (kind === 'record' && typeId) return objectName(typeId);
  // /contacts/<portal>/objects/0-3/views/<view>/list|board
  if (kind === 'objects' && typeId) {
    const suffix = view === 'board' ? 'board' : 'list';
    return `${objectName(typeId)}-${suffix}`;
  }
  // Legacy record pages: /contacts/<portal>/contact/<id>, /company/<id>, /deal/<id>, /ticket/<id>
  if (kind && typeId && ['contact', 'company', 'deal', 'ticket'].includes(kind)) return kind;
  const legacy = kind ? LEGACY_LISTS.get(kind) : undefined;
  if (legacy) return typeId === 'board' ? `${legacy}-board` : `${legacy}-list`;
  if (kind === 'objectLists' || kind === 'lists') return 'lists';
  return undefined;
}

export default {
  id: 'hubspot',
  name: 'HubSpot',
  // The UI host names the account's data center: app (na1), app-na2, app-eu1, app-ap1.
  hosts: [
    'app.hubspot.com',
    'app-na1.hubspot.com',
    'app-na2.hubspot.com',
    'app-eu1.hubspot.com',
    'app-ap1.hubspot.com',
  ],
  area(url) {
    const [app, , ...rest] = url.pathname.split('/').filter(Boolean);
    if (app === 'contacts') return crmArea(rest);
    return APP_AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1];
  },
} satisfies ToolDetector;
