/**
 * Result caps for big files (`cable.maxItemsComputed`): a budget counted down while a feature builds its result,
 * and a once-per-document-and-feature notice when the cap cuts a result, so the user learns why the outline
 * stops without being told again on every keystroke.
 */
import { DEFAULT_MAX_ITEMS, type CappedFeature, type LimitNotice } from './types';

export class Budget {
  private left: number;
  exceeded = false;

  constructor(readonly limit: number) {
    this.left = limit;
  }

  /** Takes one item; false (and `exceeded`) once the budget is spent. */
  take(): boolean {
    if (this.left <= 0) {
      this.exceeded = true;
      return false;
    }
    this.left--;
    return true;
  }
}

/** A usable cap: a non-negative integer, else the default. */
export function effectiveLimit(requested: number | undefined | null, fallback = DEFAULT_MAX_ITEMS): number {
  if (typeof requested === 'number' && Number.isFinite(requested) && requested >= 0) return Math.floor(requested);
  return fallback;
}

export class LimitNotifier {
  private readonly told = new Set<string>();

  constructor(private readonly sink?: (notice: LimitNotice) => void) {}

  report(uri: string, feature: CappedFeature, limit: number): void {
    const key = `${feature}\u0000${uri}`;
    if (this.told.has(key)) return;
    this.told.add(key);
    try {
      this.sink?.(Object.freeze({ uri, feature, limit }));
    } catch {
      // A failing notice must not fail the request that triggered it.
    }
  }

  /** Forget a document (closed), so reopening it can tell again. */
  forget(uri: string): void {
    for (const key of [...this.told]) if (key.endsWith(`\u0000${uri}`)) this.told.delete(key);
  }
}
