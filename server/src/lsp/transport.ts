/**
 * The connection to the client, over the transport the command line names (`--node-ipc` from the
 * extension, `--stdio` for other editors and the tests, `--socket=N`, `--pipe=NAME`), with a look
 * ahead at incoming messages.
 *
 * The look ahead is what lets a burst of edits validate only the latest version without a timer:
 * messages are read (and seen here) before the connection queues them, so when the handler of
 * `didChange` version 5 runs and version 7 has already arrived, the server knows that 5 is stale.
 */
import {
  AbstractMessageWriter,
  createConnection,
  createServerPipeTransport,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  type Connection,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
  type PartialMessageInfo,
} from 'vscode-languageserver/node';

/** What has arrived from the client but may not be handled yet. */
export class IncomingChanges {
  private readonly latest = new Map<string, number>();

  /** Records a message as it is read. */
  observe(message: Message): void {
    const { method, params } = message as {
      method?: string;
      params?: { textDocument?: { uri?: unknown; version?: unknown } };
    };
    const document = params?.textDocument;
    if (!document || typeof document.uri !== 'string') return;
    if (
      (method === 'textDocument/didChange' || method === 'textDocument/didOpen') &&
      typeof document.version === 'number'
    ) {
      this.latest.set(document.uri, document.version);
    } else if (method === 'textDocument/didClose') {
      this.latest.set(document.uri, Number.POSITIVE_INFINITY);
    }
  }

  /** True when a change to `uri` newer than `version` (or its closing) has arrived. */
  hasNewer(uri: string, version: number): boolean {
    return (this.latest.get(uri) ?? Number.NEGATIVE_INFINITY) > version;
  }

  /** Forgets a closed document, unless it was opened again meanwhile. */
  forget(uri: string): void {
    if (this.latest.get(uri) === Number.POSITIVE_INFINITY) this.latest.delete(uri);
  }
}

/** A reader that shows every message to `observe` before passing it on. */
class ObservedReader implements MessageReader {
  constructor(
    private readonly inner: MessageReader,
    private readonly observe: (message: Message) => void,
  ) {}

  get onError() {
    return this.inner.onError;
  }

  get onClose() {
    return this.inner.onClose;
  }

  get onPartialMessage(): MessageReader['onPartialMessage'] {
    return this.inner.onPartialMessage as (listener: (e: PartialMessageInfo) => unknown) => Disposable;
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      try {
        this.observe(message);
      } finally {
        callback(message);
      }
    });
  }

  dispose(): void {
    this.inner.dispose();
  }
}

/**
 * Messages to a stream (stdout), each written whole: header and body in one buffer, one write.
 * The library's writer writes the header, waits for its callback, then writes the body, each
 * message after a `setImmediate` of its lock: two system calls and two wake-ups of the reader
 * per message, which cost a fifth of the server's time while typing (its CPU profile over
 * --stdio). Writes are issued in order, and a stream keeps them in order.
 */
class WholeMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: unknown) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let frame: Buffer;
    try {
      // As the library encodes it: JSON in UTF-8, its length in bytes.
      const body = Buffer.from(JSON.stringify(message, undefined, 0), 'utf8');
      frame = Buffer.concat([Buffer.from(`Content-Length: ${body.byteLength}\r\n\r\n`, 'ascii'), body]);
    } catch (error) {
      this.fireError(error);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes on what JSON.stringify threw, as it is
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.stream.write(frame, (error?: Error | null) => {
        if (!error) return resolve();
        this.fireError(error, message, ++this.errorCount);
        reject(error);
      });
    });
  }

  end(): void {
    this.stream.end();
  }
}

/** The transport the arguments name. */
function transportOf(argv: readonly string[]): { reader: MessageReader; writer: MessageWriter; stdio: boolean } {
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = argv[i]!.split('=', 2) as [string, string | undefined];
    switch (flag) {
      case '--node-ipc':
        return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process), stdio: false };
      case '--stdio':
        return {
          reader: new StreamMessageReader(process.stdin),
          writer: new WholeMessageWriter(process.stdout),
          stdio: true,
        };
      case '--socket': {
        const [reader, writer] = createServerSocketTransport(Number(value ?? argv[i + 1]));
        return { reader, writer, stdio: false };
      }
      case '--pipe': {
        const [reader, writer] = createServerPipeTransport(value ?? argv[i + 1]!);
        return { reader, writer, stdio: false };
      }
      default:
        break;
    }
  }
  throw new Error('seminar-posts language server: start it with --stdio, --node-ipc, --socket=PORT or --pipe=NAME');
}

/** The server's connection, and what it has read ahead. */
export function createServerConnection(argv: readonly string[] = process.argv.slice(2)): {
  connection: Connection;
  incoming: IncomingChanges;
} {
  const incoming = new IncomingChanges();
  const { reader, writer, stdio } = transportOf(argv);
  const connection = createConnection(
    ProposedFeatures.all,
    new ObservedReader(reader, (m) => incoming.observe(m)),
    writer,
  );
  if (stdio) {
    // Anything written to stdout that is not a message would corrupt the stream: route console
    // output to the client's log instead, and stop when the client closes the stream.
    console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
    console.info = console.log;
    console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
    console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
    process.stdin.on('end', () => process.exit(0));
  }
  return { connection, incoming };
}
