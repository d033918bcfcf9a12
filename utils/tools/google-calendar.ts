import type { ToolDetector } from './types';

const AREAS: [RegExp, string][] = [
  // /calendar/u/0/r/eventedit/<id>, /calendar/event?eid=…
  [/\/r\/eventedit\b|^\/calendar\/(u\/\d+\/)?event\b/, 'event'],
  [/\/r\/settings\b/, 'settings'],
  [/\/r\/tasks\b/, 'tasks'],
  [/\/r\/search\b/, 'search'],
  [/^\/calendar\/(u\/\d+\/)?appointments\b/, 'booking'],
  // The grid views: /r/day, /r/week, /r/month, /r/year, /r/agenda, /r/customweek, or plain /r
  [/^\/calendar\b/, 'calendar'],
];

export default {
  id: 'google-calendar',
  name: 'Google Calendar',
  hosts: ['calendar.google.com'],
  area: (url) => AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1],
} satisfies ToolDetector;
