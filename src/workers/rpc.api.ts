/**
 * The message shapes every worker bridge uses: one request, one reply, matched by id. Errors cross
 * as a code the UI can turn into a message, never as a stack or a value from the document.
 */
export interface RpcRequest {
  id: number;
  method: string;
  args: unknown[];
}

export type RpcReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: string; message: string } };

/** An operation a worker exposes: plain arguments in, a promise of a structured-cloneable value out. */
export type WorkerApi = Record<string, (...args: never[]) => Promise<unknown>>;

/** A failure with a code the engine maps to a human message. */
export class WorkerError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'WorkerError';
  }
}
