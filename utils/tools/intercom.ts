import type { ToolDetector } from './types';

/** Paths under /a/inbox/<workspace>/ or /a/apps/<workspace>/. */
const AREAS: [RegExp, string][] = [
  // …/inbox/shared/all/conversation/<id>, /a/apps/<workspace>/conversations/<id>
  [/\/conversations?\/\d+/, 'conversation'],
  [/^\/a\/inbox\/|^\/a\/apps\/[^/]+\/inbox\b/, 'inbox'],
  [/^\/a\/apps\/[^/]+\/(users|contacts|companies)\/[^/]+\/(all-conversations|profile)\b/, 'contact'],
  [/^\/a\/apps\/[^/]+\/(users|contacts|companies)\b/, 'contacts'],
  [/^\/a\/apps\/[^/]+\/(articles|knowledge-hub)\b/, 'knowledge'],
  [/^\/a\/apps\/[^/]+\/(outbound|messages)\b/, 'outbound'],
  [/^\/a\/apps\/[^/]+\/reports\b/, 'reports'],
  [/^\/a\/apps\/[^/]+\/(fin-ai-agent|operator|automation)\b/, 'automation'],
  [/^\/a\/apps\/[^/]+\/settings\b/, 'settings'],
  [/^\/a\/apps\/[^/]+\/developer-hub\b/, 'developer-hub'],
  [/^\/a\/apps\/[^/]+\/home\b/, 'home'],
];

export default {
  id: 'intercom',
  name: 'Intercom',
  // Workspaces are hosted in the US, EU or Australia.
  hosts: ['app.intercom.com', 'app.eu.intercom.com', 'app.au.intercom.com'],
  area: (url) => AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1],
} satisfies ToolDetector;
