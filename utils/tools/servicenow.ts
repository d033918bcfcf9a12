import type { ToolDetector } from './types';

/** UI pages (`$name.do`) that stand for a screen rather than a table. */
const UI_PAGES = new Map([
  ['$pa_dashboard', 'dashboard'],
  ['$sn_global_search_results', 'search'],
  ['$vtb', 'task-board'],
]);

/** Screens that are not named after their table. */
const ALIASES = new Map([
  ['home', 'home'],
  ['kb_view', 'kb_knowledge'],
  ['sys_report_template', 'report'],
]);

/**
 * Service portal pages (`/sp?id=…`, `/esc?id=…`) that stand for a screen Signpost also knows from
 * the classic UI: an article, the catalog, the person's requests, search.
 */
const PORTAL_PAGES = new Map([
  ['kb_article', 'kb_knowledge'],
  ['kb_article_view', 'kb_knowledge'],
  ['kb_view', 'kb_knowledge'],
  ['kb_search', 'kb_knowledge'],
  ['sc_cat_item', 'catalog'],
  ['sc_cat_item_guide', 'catalog'],
  ['sc_category', 'catalog'],
  ['sc_home', 'catalog'],
  ['my_requests', 'requests'],
  ['requests', 'requests'],
  ['search', 'search'],
]);

/** Table names: `incident`, `sc_req_item`, `x_acme_app_request`. */
const TABLE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

function table(name: string | null | undefined): string | undefined {
  const lower = name?.toLowerCase();
  return lower && TABLE.test(lower) ? lower : undefined;
}

/** Decodes a percent-encoded target, tolerating double encoding and malformed input. */
function decode(text: string): string {
  let out = text;
  for (let i = 0; i < 2 && out.includes('%'); i++) {
    try {
      out = decodeURIComponent(out);
    } catch {
      break;
    }
  }
  return out;
}

/** `incident.do?sys_id=…` → `incident`, `incident_list.do?…` → `incident-list`. */
function tableArea(target: string, depth = 0): string | undefined {
  const match = /^\/?([\w.$]+)\.do(?:[?#]|$)/.exec(target);
  const name = match?.[1]?.toLowerCase();
  if (!name) return undefined;
  if (name === 'nav_to' && depth === 0) {
    const query = target.slice(target.indexOf('?') + 1);
    const uri = new URLSearchParams(query).get('uri');
    return uri ? tableArea(decode(uri), depth + 1) : undefined;
  }
  if (name.startsWith('$')) return UI_PAGES.get(name);
  if (name.includes('.')) return name.includes('servicecatalog') ? 'catalog' : undefined;
  const alias = ALIASES.get(name);
  if (alias) return alias;
  if (!name.endsWith('_list')) return table(name);
  const listed = table(name.slice(0, -'_list'.length));
  return listed && `${listed}-list`;
}

function workspaceArea(path: string): string | undefined {
  // Next Experience shell around a classic page: /now/nav/ui/classic/params/target/<encoded>
  const classic = /^\/now\/nav\/ui\/classic\/params\/target\/(.+)$/.exec(path);
  if (classic?.[1]) return tableArea(decode(classic[1]));
  if (/^\/now\/nav\/ui\/home\b/.test(path)) return 'home';
  // Workspaces: /now/sow/record/incident/<sys_id>, /now/workspace/agent/record/incident/<sys_id>
  const record = /^\/now\/(?:[\w-]+\/)+record\/(\w+)\//.exec(path);
  if (record) return table(record[1]);
  // /now/sow/list/incident, or /now/sow/list/params/list-id/<id>[/…/table/incident]
  const list = /^\/now\/(?:[\w-]+\/)+list\/(\w+)/.exec(path);
  if (list) {
    const listed = table(list[1] === 'params' ? /\/table\/(\w+)/.exec(path)?.[1] : list[1]);
    return listed ? `${listed}-list` : 'list';
  }
  if (/^\/now\/[\w-]+\/home\b/.test(path)) return 'home';
  return undefined;
}

export default {
  id: 'servicenow',
  name: 'ServiceNow',
  // <instance>.service-now.com, and the government community cloud's servicenowservices.com.
  hosts: ['*.service-now.com', '*.servicenowservices.com'],
  // www.service-now.com only redirects to the vendor's site; every other host is an instance
  // (hi.service-now.com and signon.service-now.com are ServiceNow's own instances).
  notHosts: ['www.service-now.com'],
  area(url) {
    const path = url.pathname;
    if (path.startsWith('/now/')) return workspaceArea(path);
    // Service portals (/sp, /esc employee center, /csm): ?id=form&table=incident names its table;
    // with no page id, or the portal's index or landing page, it is the portal's home.
    if (/^\/(sp|esc|csm)\/?$/.test(path)) {
      const page = url.searchParams.get('id');
      if (!page || page === 'index' || page === 'landing') return 'home';
      return table(url.searchParams.get('table')) ?? PORTAL_PAGES.get(page.toLowerCase()) ?? 'portal';
    }
    return tableArea(`${path}${url.search}`);
  },
} satisfies ToolDetector;
