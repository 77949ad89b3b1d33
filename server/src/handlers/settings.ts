/**
 * Per-document settings (section `cable`), pulled with `workspace/configuration` for the document's scope and
 * cached per URI until the document closes or the configuration changes. Clients without the pull request get
 * the settings pushed in `workspace/didChangeConfiguration`, used for every document.
 */
import type { Connection } from 'vscode-languageserver/node';

export interface CableSettings {
  /** `cable.rules`: severity per rule id/tag; validated by the config layer. */
  rules?: unknown;
  /** `cable.maxItemsComputed`. */
  maxItemsComputed?: number;
}

function normalize(value: unknown): CableSettings {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const v = value as Record<string, unknown>;
  const out: CableSettings = {};
  if (v.rules !== undefined && v.rules !== null) out.rules = v.rules;
  if (typeof v.maxItemsComputed === 'number' && Number.isFinite(v.maxItemsComputed) && v.maxItemsComputed >= 0) out.maxItemsComputed = v.maxItemsComputed;
  return out;
}

export class SettingsCache {
  private readonly perUri = new Map<string, Promise<CableSettings>>();
  private global: CableSettings = {};

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  get(uri: string): Promise<CableSettings> {
    if (!this.canPull()) return Promise.resolve(this.global);
    let p = this.perUri.get(uri);
    if (!p) {
      p = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'cable' }).then(normalize, () => ({}));
      this.perUri.set(uri, p);
    }
    return p;
  }

  /** Settings pushed by `workspace/didChangeConfiguration` (`{ cable: {...} }`), for clients that cannot be asked. */
  setPushed(settings: unknown): void {
    const section = settings && typeof settings === 'object' ? (settings as Record<string, unknown>).cable : undefined;
    this.global = normalize(section);
  }

  evict(uri: string): void {
    this.perUri.delete(uri);
  }

  clear(): void {
    this.perUri.clear();
  }
}
