import path from 'node:path';
import { utilityProcess, type UtilityProcess } from 'electron';
import type { HostEnvelope, HostReply, HostRequest } from '../host/protocol';

/** Talks to the service host utility process: one request, one reply, matched by id. */
export class HostClient {
  private child: UtilityProcess;
  private nextId = 1;
  private pending = new Map<number, (reply: HostReply) => void>();

  constructor(distDir: string, nativeBinding: string | null) {
    this.child = utilityProcess.fork(path.join(distDir, 'service-host.cjs'), [], {
      serviceName: 'CAIO Scorecard service',
      env: { ...process.env, ...(nativeBinding ? { CAIO_NATIVE_BINDING: nativeBinding } : {}) },
      stdio: 'inherit',
    });
    this.child.on('message', (message: HostEnvelope<HostReply>) => {
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.(message.body);
    });
    this.child.on('exit', (code) => {
      for (const resolve of this.pending.values()) {
        resolve({ type: 'error', message: `The service process stopped unexpectedly (exit code ${code}).` });
      }
      this.pending.clear();
    });
  }

  request(body: HostRequest): Promise<HostReply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.postMessage({ id, body } satisfies HostEnvelope<HostRequest>);
    });
  }

  kill(): void {
    this.child.kill();
  }
}
