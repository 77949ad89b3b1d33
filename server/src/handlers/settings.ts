/**
 * Per-document settings (section `cable`), pulled with `workspace/configuration` for the document's scope and
 * cached per URI until the document closes or the configuration changes. Clients without the pull request get
 * the settings pushed in `workspace/didChangeConfiguration`, used for every document.
 */
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_MAX_ITEMS } from '../service/types';
import { tell } from './messages';

export interface CableSettings {
  /** `cable.rules`: severity per rule id/tag; validated by the config layer. */
  rules?: unknown;
  /** `cable.maxItemsComputed`. */
  maxItemsComputed?: number;
}

/** The usable settings of a `cable` section, and what was wrong with the rest (shown to the user). */
function normalize(value: unknown): { settings: CableSettings; problems: string[] } {
  const problems: string[] = [];
  if (value === undefined || value === null) return { settings: {}, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { settings: {}, problems: [`cable must be an object of settings (got ${JSON.stringify(value)?.slice(0, 40)}); ignored.`] };
  }
  const v = value as Record<string, unknown>;
  const out: CableSettings = {};
  if (v.rules !== undefined && v.rules !== null) out.rules = v.rules;
  const max = v.maxItemsComputed;
  if (typeof max === 'number' && Number.isFinite(max) && max >= 0) out.maxItemsComputed = max;
  else if (max !== undefined && max !== null) {
    problems.push(`cable.maxItemsComputed must be a number of 0 or more (got ${JSON.stringify(max)?.slice(0, 40)}); using ${DEFAULT_MAX_ITEMS}.`);
  }
  return { settings: out, problems };
}

export class SettingsCache {
  private readonly perUri = new Map<string, Promise<CableSettings>>();
  private global: CableSettings = {};
  /** Problems already shown: a wrong setting is told once, not for every document. */
  private readonly told = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  get(uri: string): Promise<CableSettings> {
    if (!this.canPull()) return Promise.resolve(this.global);
    let p = this.perUri.get(uri);
    if (!p) {
      p = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'cable' }).then((v) => this.accept(v), () => ({}));
      this.perUri.set(uri, p);
    }
    return p;
  }

  /** Settings pushed by `workspace/didChangeConfiguration` (`{ cable: {...} }`), for clients that cannot be asked. */
  setPushed(settings: unknown): void {
    const section = settings && typeof settings === 'object' ? (settings as Record<string, unknown>).cable : undefined;
    this.global = this.accept(section);
  }

  private accept(value: unknown): CableSettings {
    const { settings, problems } = normalize(value);
    for (const p of problems) {
      if (this.told.has(p)) continue;
      this.told.add(p);
      tell(this.connection, 'warning', `Diplomatic Cables: setting ${p}`);
    }
    return settings;
  }

  evict(uri: string): void {
    this.perUri.delete(uri);
  }

  clear(): void {
    this.perUri.clear();
  }
}
