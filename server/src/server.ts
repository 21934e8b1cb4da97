/**
 * The language server's entry point: started by the extension over IPC (`--node-ipc`), or by any
 * LSP client with `--stdio`. The session (`lsp/session.ts`) adapts the connection to the core's
 * post service; the rule registry is handed to it here.
 * The same bundle runs the worker that reads a large workspace (`lsp/indexWorker.ts`).
 */
import { RULES } from './core/rules';
import { isIndexWorker, runIndexWorker } from './lsp/indexWorker';
import { startServer } from './lsp/session';
import { createServerConnection } from './lsp/transport';

if (isIndexWorker()) {
  runIndexWorker();
} else {
  const { connection, incoming } = createServerConnection();
  startServer(connection, incoming, RULES);
  connection.listen();
}
