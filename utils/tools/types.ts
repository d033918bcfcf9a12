import type { ToolId } from '../model';

/** What a detector knows about one business tool. */
export interface ToolDetector {
  id: ToolId;
  /** The product's name as people say it. */
  name: string;
  /**
   * Host names the tool is served from. `acme.example` matches that host exactly; `*.acme.example`
   * matches any host below it (on a dot boundary), never `acme.example.evil.test`.
   */
  hosts: string[];
  /**
   * Hosts under a wildcard in {@link hosts} that the tool does not serve: the vendor's marketing,
   * docs, help and status sites (`www.zendesk.com`, `developer.okta.com`). Same syntax as `hosts`.
   */
  notHosts?: string[];
  /** When set, the URL's path must also match (tools that share a host are told apart by path). */
  path?: RegExp;
  /** Extra host test, for shapes a host list cannot say (e.g. `<tenant>-my.sharepoint.com`). */
  hostTest?: (hostname: string) => boolean;
  /** The screen inside the tool, read from the URL (and the page's hints when given). */
  area?: (url: URL, page?: PageHints) => string | undefined;
}

/**
 * The little a few detectors read from the page itself, beyond its URL. The content script reads
 * it (`pageHints`) and sends it with the page's context; the background detects the tool.
 */
export interface PageHints {
  /** The document's title (Teams' new client names its view only there). */
  title: string;
  /** `<body data-page>`: GitLab's name for the page, which tells a project from a group. */
  dataPage?: string;
}

export interface Detection {
  id: ToolId;
  name: string;
  area?: string;
}
