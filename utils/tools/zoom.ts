import type { ToolDetector } from './types';

const AREAS: [RegExp, string][] = [
  // Join and start links: /j/<id>, /s/<id>, /my/<vanity>; web client: /wc/<id>/join, /wc/join/<id>
  [/^\/(j|s|my)\/[^/]+|^\/wc\/(\d+|join)\b/, 'meeting'],
  [/^\/wc\/home\b/, 'home'],
  [/^\/wc\/team-chat\b/, 'chat'],
  [/^\/wc\/calendar\b/, 'calendar'],
  [/^\/wc\/mail\b/, 'mail'],
  [/^\/(wc\/)?docs\b/, 'docs'],
  [/^\/(wc\/whiteboard|wb)\b/, 'whiteboard'],
  [/^\/meeting\b/, 'meetings'],
  [/^\/webinar\b/, 'webinars'],
  [/^\/recording\b/, 'recordings'],
  [/^\/profile\b/, 'profile'],
  [/^\/account\b/, 'admin'],
  [/^\/signin\b/, 'sign-in'],
];

export default {
  id: 'zoom',
  name: 'Zoom',
  // zoom.us, app.zoom.us (Workplace web app), <company>.zoom.us vanity hosts; ZoomGov.
  hosts: ['zoom.us', '*.zoom.us', 'zoomgov.com', '*.zoomgov.com'],
  // Help center, status, developer docs and the marketing "explore" site are not the web app.
  notHosts: ['support.zoom.us', 'status.zoom.us', 'developers.zoom.us', 'explore.zoom.us'],
  area: (url) => AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1],
} satisfies ToolDetector;
