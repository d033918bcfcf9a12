import type { ToolDetector } from './types';

/** Launchpad intents that stand for the launchpad itself. */
const SHELL = new Map([
  ['shell-home', 'home'],
  ['shell-appfinder', 'app-finder'],
]);

export default {
  id: 'sap',
  name: 'SAP S/4HANA Cloud',
  // S/4HANA Cloud tenants: my<number>.s4hana.ondemand.com, my<number>.s4hana.cloud.sap
  // (and their my<number>-api hosts).
  hosts: ['*.s4hana.ondemand.com', '*.s4hana.cloud.sap'],
  area(url) {
    if (/^\/sap\/bc\/gui\//.test(url.pathname)) return 'gui';
    // Fiori launchpad: /ui#<SemanticObject>-<action>[?params][&/inner-route], e.g. #PurchaseOrder-manage
    const intent = /^#([A-Za-z0-9_]+)-([A-Za-z0-9_]+)/.exec(url.hash);
    if (intent?.[1] && intent[2]) {
      const name = `${intent[1]}-${intent[2]}`.toLowerCase().replace(/_/g, '');
      return SHELL.get(name) ?? (/^[a-z0-9]+-[a-z0-9]+$/.test(name) ? name : undefined);
    }
    if (/^\/ui\/?$|\/FioriLaunchpad\.html$|^\/sap\/bc\/ui2\/flp\b/i.test(url.pathname)) return 'home';
    return undefined;
  },
} satisfies ToolDetector;
