/**
 * Addresses of the services the product asks (an API's base URL), each settable by a setting and
 * by an environment variable, so that a mirror, a proxy or a test's local server can stand in.
 * The order: the setting, then the environment variable, then the built-in default.
 */

/** A service the product may ask. */
export interface EndpointDefinition {
  /** A short name (`arxiv`), used in messages. */
  name: string;
  /** The built-in base URL. */
  defaultBase: string;
  /** The environment variable that overrides it (`SEMINAR_POSTS_ARXIV_API`). */
  envVar: string;
  /** The setting that overrides it (`seminarPosts.endpoints.arxiv`), when there is one. */
  setting?: string;
}

/** A base URL and where it came from. */
export interface ResolvedEndpoint {
  base: string;
  source: 'setting' | 'environment' | 'default';
}

/**
 * The base URL of `endpoint`. A value that is not an absolute http(s) URL is skipped with a
 * problem (said once by the caller), and the next source is used.
 */
export function resolveEndpoint(
  endpoint: EndpointDefinition,
  settingValue: unknown,
  env: Readonly<Record<string, string | undefined>>,
): ResolvedEndpoint & { problems: string[] } {
  const problems: string[] = [];
  const candidates: [unknown, ResolvedEndpoint['source'], string][] = [
    [settingValue, 'setting', endpoint.setting ?? 'setting'],
    [env[endpoint.envVar], 'environment', endpoint.envVar],
  ];
  for (const [value, source, name] of candidates) {
    if (value === undefined || value === null || value === '') continue;
    if (typeof value === 'string' && /^https?:\/\/[^\s/?#]+/i.test(value.trim())) {
      return { base: value.trim().replace(/\/+$/, ''), source, problems };
    }
    problems.push(
      `${name}: expected an http(s) address for the ${endpoint.name} service, found ${JSON.stringify(value)}; using the ${source === 'setting' ? 'next' : 'default'} one`,
    );
  }
  return { base: endpoint.defaultBase.replace(/\/+$/, ''), source: 'default', problems };
}
