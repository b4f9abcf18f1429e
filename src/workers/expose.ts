/// <reference lib="webworker" />
import { WorkerError, type RpcReply, type RpcRequest, type WorkerApi } from './rpc.api.ts';

/** A value to send with transferables (ImageBitmaps, buffers) moved instead of copied. */
export class Transfer<T> {
  constructor(
    readonly value: T,
    readonly transfer: Transferable[],
  ) {}
}

/** Serves an API object to the page: one handler per method, errors sent back with their code. */
export function expose(api: WorkerApi): void {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  scope.onmessage = async (event: MessageEvent<RpcRequest>) => {
    const { id, method, args } = event.data;
    let reply: RpcReply;
    let transfer: Transferable[] = [];
    try {
      const handler = api[method];
      if (!handler) throw new WorkerError('unknown-method', `No method ${method}`);
      const result = await (handler as (...a: unknown[]) => Promise<unknown>)(...args);
      if (result instanceof Transfer) {
        transfer = result.transfer;
        reply = { id, ok: true, value: result.value };
      } else {
        reply = { id, ok: true, value: result };
      }
    } catch (error) {
      const code = error instanceof WorkerError ? error.code : 'internal';
      // Only the code and a generic message cross: an exception text could quote document data.
      const message = error instanceof WorkerError ? error.message : 'Unexpected failure in the worker';
      reply = { id, ok: false, error: { code, message } };
    }
    scope.postMessage(reply, transfer);
  };
}
