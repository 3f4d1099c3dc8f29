import path from 'node:path';
import { utilityProcess, type UtilityProcess } from 'electron';
import type { ApiResponse } from '../../shared/api/contract';
import type { FromHost, HostAnswer, HostAsk, HostReply, HostRequest, ToHost } from '../host/protocol';

/** A host reply as an API response: results pass through, anything else becomes an INTERNAL error. */
export function asResponse<T>(reply: HostReply): ApiResponse<T> {
  if (reply.type === 'result') return reply.response as ApiResponse<T>;
  return {
    ok: false,
    error: { code: 'INTERNAL', message: reply.type === 'error' ? reply.message : 'Unexpected reply' },
  };
}

type OpenRequest = Extract<HostRequest, { type: 'open' | 'open-default' }>;

/**
 * Talks to the service host utility process: one request, one reply, matched by id. If the host
 * dies (an out-of-memory in a parse, a crash), the calls in flight fail with a plain message and the
 * next request starts a new host that reopens the same workspace first, so the window keeps working.
 */
export class HostClient {
  private child: UtilityProcess | null = null;
  private nextId = 1;
  private pending = new Map<number, (reply: HostReply) => void>();
  /** The last successful open, replayed into a restarted host (not a create: the file exists by then). */
  private lastOpen: OpenRequest | null = null;
  private stopping = false;
  /** Answers the host's asks during a pack export (the folder dialog, printing): set by the app (main.ts). */
  onAsk: ((ask: HostAsk) => Promise<HostAnswer>) | null = null;

  constructor(
    private readonly distDir: string,
    private readonly nativeBinding: string | null,
  ) {}

  private spawn(): UtilityProcess {
    const child = utilityProcess.fork(path.join(this.distDir, 'service-host.cjs'), [], {
      serviceName: 'CAIO Scorecard service',
      env: { ...process.env, ...(this.nativeBinding ? { CAIO_NATIVE_BINDING: this.nativeBinding } : {}) },
      stdio: 'inherit',
    });
    child.on('message', (message: FromHost) => {
      if ('ask' in message) return void this.answer(child, message.ask, message.body);
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.(message.body);
    });
    child.on('exit', (code) => {
      if (this.child === child) this.child = null;
      const message = this.stopping
        ? 'The app is closing.'
        : `The service process stopped unexpectedly (exit code ${code}); it restarts with the next action. Nothing that was not saved was written.`;
      for (const resolve of this.pending.values()) resolve({ type: 'error', message });
      this.pending.clear();
    });
    return child;
  }

  private send(child: UtilityProcess, body: HostRequest): Promise<HostReply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      child.postMessage({ id, body } satisfies ToHost);
    });
  }

  private async answer(child: UtilityProcess, id: number, ask: HostAsk): Promise<void> {
    let body: HostAnswer;
    try {
      body = this.onAsk
        ? await this.onAsk(ask)
        : { type: 'error', message: 'Nothing answers the host here.' };
    } catch (err) {
      body = { type: 'error', message: err instanceof Error ? err.message : String(err) };
    }
    // The host may have stopped meanwhile (its calls in flight have failed already): nothing to answer.
    if (this.child === child) child.postMessage({ answer: id, body } satisfies ToHost);
  }

  async request(body: HostRequest): Promise<HostReply> {
    if (this.stopping) return { type: 'error', message: 'The app is closing.' };
    let child = this.child;
    if (!child) {
      child = this.child = this.spawn();
      if (this.lastOpen && body.type !== 'open' && body.type !== 'open-default') {
        const reopened = await this.send(child, this.lastOpen);
        if (reopened.type !== 'opened') return reopened;
      }
    }
    const reply = await this.send(child, body);
    if ((body.type === 'open' || body.type === 'open-default') && reply.type === 'opened') {
      this.lastOpen = body.type === 'open' ? { type: 'open', file: reply.file, create: false } : body;
    }
    return reply;
  }

  /** Calls an API method in the host (payloads from the renderer are validated by the caller first). */
  async call<T>(method: string, payload: unknown): Promise<ApiResponse<T>> {
    return asResponse<T>(await this.request({ type: 'call', method, payload }));
  }

  kill(): void {
    this.stopping = true;
    this.child?.kill();
  }
}
