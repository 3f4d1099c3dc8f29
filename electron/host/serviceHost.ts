/**
 * The service host: runs in an Electron utility process (a Node process with Electron's ABI), so
 * SQLite work never blocks the window. It owns the open workspace and answers the main process's
 * requests. It does not import `electron`; the parent port is a global of utility processes.
 */
import { openOrCreateDefaultWorkspace } from '../service/defaultWorkspace';
import type { ParsedInput } from '../../shared/api';
import { parseInput } from '../../shared/api/validate';
import { exportPackRequest } from '../pack/request';
import { createService, toApiError, type Service } from '../service/service';
import { UploadStore } from '../service/uploads';
import { getSettings } from '../store/settings';
import { openWorkspace, type Workspace } from '../store/workspace';
import type { HostEnvelope, HostReply, HostRequest } from './protocol';

interface ParentPort {
  on(event: 'message', listener: (e: { data: HostEnvelope<HostRequest> }) => void): void;
  postMessage(message: HostEnvelope<HostReply>): void;
}

export function createHost() {
  const nativeBinding = process.env.CAIO_NATIVE_BINDING || undefined;
  const options = {
    ...(nativeBinding ? { nativeBinding } : {}),
    lock: 'hold' as const,
    holder: 'CAIO Scorecard app',
    ifReadOnly: 'view' as const,
  };
  const uploads = new UploadStore();
  let ws: Workspace | null = null;
  let service: Service | null = null;

  const use = (next: Workspace): HostReply => {
    ws?.close();
    ws = next;
    service = createService({ ws: next, uploads, reopen: (file) => openWorkspace(file, options) });
    return { type: 'opened', file: next.file, name: getSettings(next.db).name };
  };

  async function handle(req: HostRequest): Promise<HostReply> {
    switch (req.type) {
      case 'open':
        return use(openWorkspace(req.file, { ...options, create: req.create }));
      case 'open-default':
        return use(openOrCreateDefaultWorkspace(req.dataDir, options));
      case 'call':
        if (!service)
          return {
            type: 'result',
            response: { ok: false, error: { code: 'WORKSPACE', message: 'No workspace is open.' } },
          };
        return { type: 'result', response: await service.call(req.method, req.payload) };
      case 'register-file': {
        const f = uploads.registerPath(req.path);
        return { type: 'file', file: { id: f.id, name: f.name, size: f.size } };
      }
      case 'pack-export': {
        if (!service) return { type: 'error', message: 'No workspace is open.' };
        const { ctx } = service;
        try {
          const { input } = parseInput('pack.export', req.input);
          const result = await exportPackRequest(ctx, input as ParsedInput<'pack.export'>, {
            outDir: req.outDir,
            renderedDir: req.renderedDir,
          });
          return { type: 'result', response: { ok: true, result } };
        } catch (err) {
          return { type: 'result', response: { ok: false, error: toApiError(err, ctx.ws.file).toJSON() } };
        }
      }
      case 'upload': {
        const f = await uploads.saveStream(req.name, [req.data], 1024 * 1024 * 1024);
        return { type: 'file', file: { id: f.id, name: f.name, size: f.size } };
      }
    }
  }

  return {
    handle: async (req: HostRequest): Promise<HostReply> => {
      try {
        return await handle(req);
      } catch (err) {
        return { type: 'error', message: err instanceof Error ? err.message : String(err) };
      }
    },
    dispose() {
      ws?.close();
      uploads.dispose();
    },
  };
}

const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (port) {
  const host = createHost();
  port.on('message', (e) => {
    void host.handle(e.data.body).then((body) => port.postMessage({ id: e.data.id, body }));
  });
  process.on('exit', () => host.dispose());
}
