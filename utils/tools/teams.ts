import type { ToolDetector } from './types';

const AREAS: [RegExp, string][] = [
  // Deep links: /l/meetup-join/<thread>/0?context=…, /meet/<id>?p=…, /l/chat/<id>/0,
  // /l/channel/<id>/<name>
  [/^\/l\/(meetup-join|meeting)\/|^\/meet\//, 'meeting'],
  [/^\/l\/chat\//, 'chat'],
  [/^\/l\/message\//, 'message'],
  [/^\/l\/channel\//, 'channel'],
  [/^\/l\/team\//, 'team'],
  [/^\/l\/call\//, 'call'],
  [/^\/l\/(entity|app)\//, 'app'],
];

/** Classic client routes in the fragment: #/conversations/…, #/calendarv2, #/calls/… */
const HASH_AREAS: [RegExp, string][] = [
  [/^#\/(conversations|chat)\b/, 'chat'],
  [/^#\/calendarv2\b/, 'calendar'],
  [/^#\/calls\b/, 'calls'],
  [/^#\/(school|teams)\b/, 'teams'],
  [/^#\/files\b/, 'files'],
  [/^#\/activity\b/, 'activity'],
];

/** The app view named first in the tab title ("Calendar | Microsoft Teams"). */
const TITLE_AREAS = new Map([
  ['activity', 'activity'],
  ['chat', 'chat'],
  ['teams', 'teams'],
  ['calendar', 'calendar'],
  ['calls', 'calls'],
  ['files', 'files'],
  ['onedrive', 'files'],
]);

/** The Teams admin center, where admins set Teams up: its own host, one path per page. */
const ADMIN_CENTER = 'admin.teams.microsoft.com';

export default {
  id: 'teams',
  name: 'Microsoft Teams',
  hosts: ['teams.microsoft.com', 'teams.live.com', 'teams.cloud.microsoft', ADMIN_CENTER],
  area(url, page) {
    // The admin center's dashboard is its overview; its other pages say what they are in their
    // title and headings (policies, users, phone numbers), which the matcher reads.
    if (url.hostname === ADMIN_CENTER)
      return /^\/dashboard\/?$/.test(url.pathname) ? 'admin-dashboard' : undefined;
    const fromUrl =
      AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1] ??
      HASH_AREAS.find(([pattern]) => pattern.test(url.hash))?.[1];
    if (fromUrl) return fromUrl;
    // The new client keeps every view at /v2/; only the title says which one is open.
    const first = page?.title.split('|')[0]?.trim().toLowerCase();
    return first ? TITLE_AREAS.get(first) : undefined;
  },
} satisfies ToolDetector;
