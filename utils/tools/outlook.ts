import type { ToolDetector } from './types';

const AREAS: [RegExp, string][] = [
  [/^\/calendar\b/, 'calendar'],
  [/^\/people\b/, 'people'],
  [/^\/tasks\b/, 'tasks'],
  [/\/compose\b|\/deeplink\/compose\b/, 'compose'],
  [/^\/mail\/options\b|^\/mail\/settings\b/, 'settings'],
  // An open message: /mail/inbox/id/<message id>, /mail/id/<message id>
  [/^\/mail\/(?:.+\/)?id\/[^/]+/, 'message'],
];

export default {
  id: 'outlook',
  name: 'Outlook',
  hosts: ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'],
  area: (url) => AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1] ?? 'mail',
} satisfies ToolDetector;
