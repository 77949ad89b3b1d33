/**
 * Where the status bar and the summary view get a cable's summary from. Two sources behind one interface:
 * the language server's `cable/summary` request when the server announces it (capability
 * `experimental.cableSummary`), else the client's own shallow reading of the text.
 */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { deriveSummary, type CableSummary } from './deriveSummary';

export interface SummarySource {
  summarize(doc: vscode.TextDocument): Promise<CableSummary>;
}

export const clientSummarySource: SummarySource = {
  summarize: async (doc) => deriveSummary(doc.getText()),
};

export const SUMMARY_REQUEST = 'cable/summary';

/**
 * Asks the server when it can answer, falls back to the client's reading otherwise (server not started, crashed,
 * or an older server without the request). The server's answer is expected in the CableSummary shape.
 */
export function serverOrClientSource(getClient: () => LanguageClient | undefined): SummarySource {
  return {
    async summarize(doc) {
      const client = getClient();
      const announced = client?.isRunning() && client.initializeResult?.capabilities.experimental?.cableSummary;
      if (client && announced) {
        try {
          const s = await client.sendRequest<CableSummary | null>(SUMMARY_REQUEST, { textDocument: { uri: doc.uri.toString() } });
          if (s) return { ...s, producer: 'server' };
        } catch {
          // Falls through: a failing request must not blank the status bar.
        }
      }
      return clientSummarySource.summarize(doc);
    },
  };
}
