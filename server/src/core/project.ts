/**
 * What a post is checked against: its configuration (defaults, then the caller's layers, then the
 * nearest `.seminar-posts.json` above it) and its Jekyll site. Both are read through the host and
 * cached per folder until `clear()`.
 */
import {
  CONFIG_FILE_NAME,
  parseConfigText,
  resolveConfig,
  type ConfigProblem,
  type ResolvedConfig,
  type SeminarPostsConfig,
} from './config/config';
import type { RuleDefinition } from './engine/rule';
import { dirname, joinPath, type FileSystemHost } from './host';
import { findSite, type SiteContext } from './site/site';

export interface PostSetup {
  config: ResolvedConfig;
  /** The configuration file used, if any. */
  configFile: string | undefined;
  /** Problems of the configuration file (and of the caller's layers). */
  configProblems: ConfigProblem[];
  site: SiteContext | undefined;
}

export interface ProjectOptions {
  /** Layers applied over the defaults and under the configuration file (e.g. editor settings). */
  layers?: SeminarPostsConfig[];
  /** Use this configuration file instead of looking for one (the CLI's `--config`). */
  configFile?: string;
}

export class Project {
  private readonly configFiles = new Map<string, string | undefined>();
  private readonly parsedConfigs = new Map<string, { config: SeminarPostsConfig; problems: ConfigProblem[] }>();
  private readonly sites = new Map<string, SiteContext | undefined>();
  /** The last configurations resolved, with the layers they were resolved from. */
  private readonly lastResolved: { parts: (SeminarPostsConfig | undefined)[]; config: ResolvedConfig }[] = [];

  constructor(
    private readonly fs: FileSystemHost,
    private readonly rules: readonly RuleDefinition<object>[],
    private readonly options: ProjectOptions = {},
  ) {}

  /**
   * The configuration and site for the post at `postPath` (a core path), or for a post without a
   * path. `layers` (the editor's settings for that post, say) go over the project's layers and
   * under the configuration file: defaults < layers < the file.
   */
  setupFor(postPath: string | undefined, layers: readonly SeminarPostsConfig[] = []): PostSetup {
    const configFile = this.options.configFile ?? (postPath ? this.findConfigFile(dirname(postPath)) : undefined);
    const file = configFile ? this.readConfig(configFile) : undefined;
    return {
      config: this.resolved([...(this.options.layers ?? []), ...layers, file?.config]),
      configFile,
      configProblems: file?.problems ?? [],
      site: postPath ? this.siteOf(postPath) : undefined,
    };
  }

  /**
   * The configuration of these layers, the same object as long as the layers are the same objects
   * (settings and configuration files are cached until they change): rules remember judgements
   * per configuration object, from one keystroke to the next.
   */
  private resolved(parts: (SeminarPostsConfig | undefined)[]): ResolvedConfig {
    const known = this.lastResolved.find(
      (r) => r.parts.length === parts.length && r.parts.every((p, i) => p === parts[i]),
    );
    if (known) return known.config;
    const config = resolveConfig(...parts);
    this.lastResolved.unshift({ parts, config });
    this.lastResolved.length = Math.min(this.lastResolved.length, 8);
    return config;
  }

  /** Reads (and caches) one configuration file. */
  readConfig(file: string): { config: SeminarPostsConfig; problems: ConfigProblem[] } {
    let parsed = this.parsedConfigs.get(file);
    if (!parsed) {
      const text = this.fs.readFile(file);
      parsed =
        text === undefined
          ? { config: {}, problems: [{ source: file, path: '(root)', message: 'cannot be read' }] }
          : parseConfigText(text, file, this.rules);
      this.parsedConfigs.set(file, parsed);
    }
    return parsed;
  }

  /** Forgets what was read, e.g. after a configuration file or `_config.yml` changed. */
  clear(): void {
    this.configFiles.clear();
    this.parsedConfigs.clear();
    this.sites.clear();
    this.lastResolved.length = 0;
  }

  private findConfigFile(dir: string): string | undefined {
    if (this.configFiles.has(dir)) return this.configFiles.get(dir);
    const candidate = joinPath(dir, CONFIG_FILE_NAME);
    const parent = dirname(dir);
    const found = this.fs.isFile(candidate) ? candidate : parent === dir ? undefined : this.findConfigFile(parent);
    this.configFiles.set(dir, found);
    return found;
  }

  private siteOf(postPath: string): SiteContext | undefined {
    const dir = dirname(postPath);
    if (!this.sites.has(dir)) this.sites.set(dir, findSite(postPath, this.fs));
    return this.sites.get(dir);
  }
}
