/**
 * The language server's entry point: started by the extension over IPC (`--node-ipc`), or by any
 * LSP client with `--stdio`. The session (`lsp/session.ts`) adapts the connection to the core.
 */
import { startServer } from './lsp/session';
import { createServerConnection } from './lsp/transport';

const { connection, incoming } = createServerConnection();
startServer(connection, incoming);
connection.listen();
