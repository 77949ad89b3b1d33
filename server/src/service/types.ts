/**
 * The host-facing types of the language service: what a document is, what the host plugs in (lint engine,
 * file access, limits, logging) and the cancellation token every feature accepts. Nothing here talks to a
 * transport: the LSP server (server.ts, handlers/) adapts these to the protocol.
 */
import type { ConfigHost } from '../config/discover';
import type { RuleCatalog, RuleLevels } from '../config/model';
import type { ParsedDocument } from '../parser/model';
import type { RuleDiagnostic } from '../rules/types';

/** The least a document must offer: `TextDocument` from vscode-languageserver-textdocument satisfies it. */
export interface ServiceDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/** Any LSP `CancellationToken` satisfies it. Features check it between units of work and give up early. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

export const NEVER_CANCELLED: Cancellation = Object.freeze({ isCancellationRequested: false });

/** Features whose result size is capped by `cable.maxItemsComputed`. */
export type CappedFeature = 'documentSymbols' | 'foldingRanges';

export interface LimitNotice {
  uri: string;
  feature: CappedFeature;
  limit: number;
}

/** The rule engine as the service sees it: parsed document + configured levels in, findings out. */
export interface Linter {
  run(doc: ParsedDocument, levels: RuleLevels): RuleDiagnostic[];
  /** Rule ids and tags, to validate configuration. */
  readonly catalog: RuleCatalog;
}

export interface Logger {
  log(message: string): void;
}

export interface CableServiceInit {
  /** Cap on outline symbols and folding ranges per document when a request does not give one. Default 5000. */
  maxItemsComputed?: number;
  /** Called once per document and feature the first time a result is cut at the cap. */
  onResultLimitExceeded?(notice: LimitNotice): void;
  /** The rule engine; without it diagnostics are the parser's own problems only. */
  linter?: Linter;
  /** Reads files (the `.cablelintrc.json` a "disable rule" action rewrites). Default: none (action not offered). */
  files?: ConfigHost;
  logger?: Logger;
  /** How many parsed documents to keep (least recently used are dropped). Default 64. */
  cacheSize?: number;
}

export const DEFAULT_MAX_ITEMS = 5000;
