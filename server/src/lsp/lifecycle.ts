import { type Connection, type ConnectionOptions, ErrorCodes, type Message, type RequestMessage, ResponseError } from 'vscode-languageserver';

/**
 * The protocol's lifecycle, for every message whatever its method or transport: before the
 * `initialize` request a request is answered `ServerNotInitialized` and a notification is
 * dropped, except `exit`; a second `initialize` is answered `InvalidRequest` (the protocol
 * allows it once) and changes nothing; after the `shutdown` request every request is answered
 * `InvalidRequest`. The protocol library provides none of this: it dispatches whatever arrives
 * (it answered requests before `initialize`, linted a document opened then and published its
 * diagnostics, and after `shutdown` answered a second `shutdown` and unknown methods as usual).
 * What it does provide stays its own: `exit` ends the process, with 0 after `shutdown`, else 1.
 *
 * The gate sees each message before the library dispatches it (`messageStrategy`, given to
 * `createConnection` with `options`); a refused request is dispatched to `REFUSED` instead, so
 * that the library answers it with its own id, as it answers any request.
 */
export class Lifecycle {
  private state: 'new' | 'running' | 'shutDown' = 'new';

  /** The options for `createConnection`. */
  readonly options: ConnectionOptions = {
    messageStrategy: {
      handleMessage: (message: Message, next: (message: Message) => void): void => {
        const m = message as Partial<RequestMessage>;
        if (typeof m.method !== 'string') return next(message);
        const isRequest = m.id !== undefined && m.id !== null;
        if (this.state === 'new') {
          if (m.method === 'initialize' && isRequest) this.state = 'running';
          else if (isRequest) return next(refusal(m as RequestMessage, 'notInitialized'));
          // `$/cancelRequest` and the others: dropped. The library has already looked at a
          // cancellation (before queueing); there was nothing to cancel.
          else if (m.method !== 'exit') return;
        } else if (this.state === 'shutDown' && isRequest) return next(refusal(m as RequestMessage, 'shutDown'));
        else if (m.method === 'initialize' && isRequest) return next(refusal(m as RequestMessage, 'initialized'));
        else if (m.method === 'shutdown' && isRequest) this.state = 'shutDown';
        return next(message);
      },
    },
  };

  /** Registers the handler that answers refused requests; call it once the connection exists. */
  attach(connection: Connection): void {
    connection.onRequest(REFUSED, (p: { reason?: unknown; method?: unknown }) => {
      const method = typeof p?.method === 'string' ? p.method : 'this request';
      if (p?.reason === 'notInitialized') throw new ResponseError(ErrorCodes.ServerNotInitialized, `clinical-lint has not been initialized: ${method} must come after the initialize request.`);
      if (p?.reason === 'initialized') throw new ResponseError(ErrorCodes.InvalidRequest, 'clinical-lint is already initialized: the initialize request may only be sent once.');
      throw new ResponseError(ErrorCodes.InvalidRequest, `clinical-lint has been asked to shut down: it answers no more requests (${method}); only exit.`);
    });
  }
}

/** The method refused requests are dispatched to (never sent by a client). */
const REFUSED = '$/clinical-lint/refused';

function refusal(request: RequestMessage, reason: 'notInitialized' | 'initialized' | 'shutDown'): RequestMessage {
  return { jsonrpc: request.jsonrpc, id: request.id, method: REFUSED, params: { reason, method: request.method } };
}
