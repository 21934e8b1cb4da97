/**
 * Where a paper link's metadata comes from, in this order: an arXiv link (abstract, PDF, versioned
 * or old-style id) through the arXiv API; a DOI link through doi.org's content negotiation; any
 * other web page through its Highwire `citation_*` meta tags. A PDF link of a site whose pages
 * carry those tags (CVF open access, OpenReview, NeurIPS, PMLR, ACL Anthology) is read from the
 * paper's page instead of the PDF.
 */

/** A paper link, read. */
export type PaperSource =
  /** `id` without the version (`1512.03385`, `hep-th/9901001`); `version` (`v2`) when the link names one. */
  | { kind: 'arxiv'; id: string; version: string | undefined }
  | { kind: 'doi'; doi: string }
  /** `url` is the page to read (the paper's page for a known site's PDF link). */
  | { kind: 'page'; url: string };

const ARXIV_HOSTS = /^(?:www\.|export\.)?arxiv\.org$/i;
/** New-style ids (`0704.0001`, `1512.03385`) and old-style ones (`hep-th/9901001`, `math.GT/0309136`). */
const ARXIV_ID = /^((?:\d{4}\.\d{4,5})|(?:[a-z-]+(?:\.[A-Z]{2})?\/\d{7}))(v\d+)?$/i;
const DOI = /^10\.\d{4,9}\/\S+$/;

/** The source of a paper link, or undefined when it is not an absolute http(s) URL (or an arXiv one without an id). */
export function paperSourceOf(link: string): PaperSource | undefined {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return undefined;
  // An arXiv address without a paper id (`https://arxiv.org/abs/`, the snippet's start) names no paper.
  if (ARXIV_HOSTS.test(url.hostname)) return arxivIdOf(url);
  if (/^(?:dx\.)?doi\.org$/i.test(url.hostname)) {
    const doi = decodeSafe(url.pathname.replace(/^\/+/, ''));
    if (DOI.test(doi)) return { kind: 'doi', doi };
  }
  return { kind: 'page', url: pageOfPdf(url) ?? url.href };
}

function arxivIdOf(url: URL): PaperSource | undefined {
  if (!ARXIV_HOSTS.test(url.hostname)) return undefined;
  const m = /^\/(?:abs|pdf|html)\/(.+?)(?:\.pdf)?\/?$/i.exec(url.pathname);
  const id = m ? ARXIV_ID.exec(decodeSafe(m[1]!)) : null;
  return id ? { kind: 'arxiv', id: id[1]!, version: id[2]?.toLowerCase() } : undefined;
}

/**
 * The paper's page for a PDF link of a site whose pages carry citation tags, or undefined:
 * - CVF open access: `.../content_CVPR_2020/papers/X_paper.pdf` -> `.../content_CVPR_2020/html/X_paper.html`
 * - OpenReview: `/pdf?id=X` -> `/forum?id=X`
 * - NeurIPS proceedings: `/paper/2020/file/H-Paper.pdf` -> `/paper/2020/hash/H-Abstract.html`
 * - ACL Anthology: `/2020.acl-main.1.pdf` -> `/2020.acl-main.1/`
 * - PMLR: `/v119/x20a/x20a.pdf` -> `/v119/x20a.html`
 */
function pageOfPdf(url: URL): string | undefined {
  const host = url.hostname.toLowerCase();
  const at = (path: string, search = '') => `${url.protocol}//${url.host}${path}${search}`;
  if (host === 'openaccess.thecvf.com') {
    const m = /^(.*)\/papers\/([^/]+)\.pdf$/i.exec(url.pathname);
    return m ? at(`${m[1]}/html/${m[2]}.html`) : undefined;
  }
  if (host === 'openreview.net' && url.pathname === '/pdf' && url.searchParams.get('id')) {
    return at('/forum', `?id=${encodeURIComponent(url.searchParams.get('id')!)}`);
  }
  if (/^(?:papers|proceedings)\.(?:nips|neurips)\.cc$/.test(host)) {
    const m = /^(\/paper(?:_files\/paper)?\/\d{4})\/file\/([0-9a-f]+)-Paper(-[A-Za-z_]+)?\.pdf$/i.exec(url.pathname);
    return m ? at(`${m[1]}/hash/${m[2]}-Abstract${m[3] ?? ''}.html`) : undefined;
  }
  if (host === 'aclanthology.org') {
    const m = /^\/([^/]+)\.pdf$/i.exec(url.pathname);
    return m ? at(`/${m[1]}/`) : undefined;
  }
  if (host === 'proceedings.mlr.press') {
    const m = /^(\/v\d+)\/([^/]+)\/\2\.pdf$/i.exec(url.pathname);
    return m ? at(`${m[1]}/${m[2]}.html`) : undefined;
  }
  return undefined;
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
