#!/usr/bin/env node
/**
 * cable-language-server: the Diplomatic Cables language server.
 *   cable-language-server --stdio        (Neovim, Helix, Emacs, any LSP client)
 *   cable-language-server --node-ipc     (the VS Code extension)
 *   cable-language-server --socket=PORT
 * The transport comes from the command line (vscode-languageserver reads it); everything else is in
 * handlers/startServer.ts.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import pkg from '../../package.json';
import { startCableServer } from './handlers/startServer';

const USAGE = `Usage: cable-language-server --stdio | --node-ipc | --socket=<port>

Language server for US State Department telegrams (diplomatic cables): outline, folding, hovers,
classification-marking diagnostics and quick fixes. See docs/server.md.`;

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${pkg.version}\n`);
  process.exit(0);
}
const transport = args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='));
if (args.includes('--help') || args.includes('-h') || !transport) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(args.includes('--help') || args.includes('-h') ? 0 : 2);
}

const connection = createConnection(ProposedFeatures.all);
// Nothing may write to stdout but the protocol: route stray console output to the client's log.
console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
console.info = console.log;
console.warn = (...a: unknown[]) => connection.console.warn(a.map(String).join(' '));
console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));
process.on('uncaughtException', (err) => connection.console.error(`Uncaught: ${err instanceof Error ? err.stack ?? err.message : String(err)}`));
process.on('unhandledRejection', (err) => connection.console.error(`Unhandled rejection: ${err instanceof Error ? err.stack ?? err.message : String(err)}`));

startCableServer(connection, { name: 'cable-language-server', version: pkg.version });
