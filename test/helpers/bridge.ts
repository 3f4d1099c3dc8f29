import path from 'node:path';
import { chromiumRenderer } from '../../electron/pack/chromium';
import { createService, type Service } from '../../electron/service/service';
import { UploadStore } from '../../electron/service/uploads';
import type { Workspace } from '../../electron/store/workspace';
import { startBridge, type Bridge } from '../../electron/web/server';

export const RENDERER_DIR = path.resolve(__dirname, '../../dist/renderer');

export async function startTestBridge(
  ws: Workspace,
): Promise<{ bridge: Bridge; service: Service; stop(): Promise<void> }> {
  const uploads = new UploadStore();
  // As electron/web/main.ts composes it: headless Chromium prints the packs.
  const service = createService({ ws, uploads, renderer: chromiumRenderer() });
  const bridge = await startBridge({ service, staticDir: RENDERER_DIR });
  return {
    bridge,
    service,
    stop: async () => {
      await bridge.close();
      uploads.dispose();
    },
  };
}
