/**
 * The service host: runs in an Electron utility process (a Node process with Electron's ABI), so
 * SQLite work never blocks the window. It owns the open workspace and answers the main process's
 * requests. It does not import `electron`; the parent port is a global of utility processes.
 */
import { openOrCreateDefaultWorkspace } from '../service/defaultWorkspace';
import type { PackRenderer } from '../pack/renderer';
import { createService, type Service } from '../service/service';
import { UploadStore } from '../service/uploads';
import { getSettings } from '../store/settings';
import { openWorkspace, type Workspace } from '../store/workspace';
import type { FromHost, HostAnswer, HostAsk, HostReply, HostRequest, ToHost } from './protocol';

interface ParentPort {
  on(event: 'message', listener: (e: { data: ToHost }) => void): void;
  postMessage(message: FromHost): void;
}

/** The main process as the host sees it: what only main can do, asked for and answered. */
export interface HostMain {
  ask(question: HostAsk): Promise<HostAnswer>;
}

const NO_MAIN: HostMain = {
  ask: () => Promise.resolve({ type: 'error', message: 'No desktop window to print or choose a folder in.' }),
};

/**
 * The desktop's composition root for the pack: the printer is the main process's webContents.printToPDF,
 * asked over the port with the pack data this host built; the folder comes from main's native dialog.
 */
function desktopPack(main: HostMain): { renderer: PackRenderer; chooseOutDir: () => Promise<string | null> } {
  return {
    renderer: {
      async render(job) {
        const answer = await main.ask({ type: 'print-pack', job });
        if (answer.type === 'error') throw new Error(answer.message);
        if (answer.type !== 'printed') throw new Error('The desktop printer answered something else.');
        // Structured clone delivers Uint8Arrays: the workbook takes Buffers.
        const charts = Object.fromEntries(
          Object.entries(answer.charts).map(([id, c]) => [id, { ...c, png: Buffer.from(c.png) }]),
        );
        return { pdf: answer.pdf, charts };
      },
    },
    async chooseOutDir() {
      const answer = await main.ask({ type: 'choose-pack-folder' });
      if (answer.type === 'error') throw new Error(answer.message);
      return answer.type === 'folder' ? answer.path : null;
    },
  };
}

export function createHost(main: HostMain = NO_MAIN) {
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
    service = createService({
      ws: next,
      uploads,
      reopen: (file) => openWorkspace(file, options),
      ...desktopPack(main),
    });
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

/** Asks over the parent port; main posts each answer back under the ask's number. */
function portMain(port: ParentPort): HostMain & { answered(id: number, answer: HostAnswer): void } {
  let next = 1;
  const waiting = new Map<number, (answer: HostAnswer) => void>();
  return {
    ask: (body) =>
      new Promise((resolve) => {
        const ask = next++;
        waiting.set(ask, resolve);
        port.postMessage({ ask, body });
      }),
    answered(id, answer) {
      waiting.get(id)?.(answer);
      waiting.delete(id);
    },
  };
}

const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (port) {
  const main = portMain(port);
  const host = createHost(main);
  port.on('message', (e) => {
    const message = e.data;
    if ('answer' in message) return main.answered(message.answer, message.body);
    void host.handle(message.body).then((body) => port.postMessage({ id: message.id, body }));
  });
  process.on('exit', () => host.dispose());
}
