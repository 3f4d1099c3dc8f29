import path from 'node:path';
import fs from 'node:fs';
import { app, BrowserWindow, dialog, Menu } from 'electron';
import type { ShellCommand } from '../../shared/api/transport';
import { handleAppProtocol, registerAppScheme } from './appProtocol';
import { HostClient } from './hostClient';
import { pickImportFile, registerIpc } from './ipc';
import type { PackFolderChoice } from './packFolder';
import { packAnswers } from './pdfPrinter';
import { buildMenu } from './menu';
import { IPC } from './policy';
import { hardenApp } from './security';
import { ShellStateStore } from './state';
import { createMainWindow } from './window';

/** dist/electron (this bundle's folder) and dist/renderer beside it. */
const distDir = __dirname;
const rendererDir = path.resolve(distDir, '../renderer');

/** The Electron-ABI build of better-sqlite3 made by `scripts/electron-native.mjs` (see README). */
function nativeBindingPath(): string | null {
  const candidates = [
    path.join(
      process.resourcesPath ?? '',
      'native',
      `electron-${process.versions.electron}`,
      'better_sqlite3.node',
    ),
    path.resolve(
      distDir,
      '../../.electron-native',
      `electron-${process.versions.electron}`,
      'better_sqlite3.node',
    ),
  ];
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

let win: BrowserWindow | null = null;

async function start(): Promise<void> {
  hardenApp();
  handleAppProtocol(rendererDir);
  const state = new ShellStateStore(app.getPath('userData'));
  const host = new HostClient(distDir, nativeBindingPath());
  // The desktop's pack printer and folder dialog, asked for by the service host during an export.
  // The pack folder the user chose on the pack screen this session (null: the dialog asks at each export).
  const packFolder: PackFolderChoice = { folder: null };
  host.onAsk = packAnswers(() => win, packFolder);
  const send = (command: ShellCommand) => win?.webContents.send(IPC.shellCommand, command);

  const open = async (file: string, create: boolean) => {
    const reply = await host.request({ type: 'open', file, create });
    if (reply.type === 'opened') {
      state.rememberWorkspace(reply.file);
      app.addRecentDocument(reply.file);
      refreshMenu();
      win?.setTitle(`${reply.name} — CAIO Scorecard`);
      send({ type: 'workspace-changed' });
    } else {
      dialog.showErrorBox(
        'The workspace could not be opened',
        reply.type === 'error' ? reply.message : 'Unexpected reply',
      );
      if (reply.type === 'error' && !create) state.forget(file);
      refreshMenu();
    }
  };

  const refreshMenu = () =>
    Menu.setApplicationMenu(
      buildMenu(state.state.recent, {
        newWorkspace: async () => {
          const r = await dialog.showSaveDialog(win!, {
            title: 'New workspace',
            defaultPath: 'AI Scorecard.sqlite',
            filters: [{ name: 'CAIO Scorecard workspace', extensions: ['sqlite'] }],
          });
          if (!r.canceled && r.filePath) {
            if (fs.existsSync(r.filePath)) {
              dialog.showErrorBox(
                'Choose a new file',
                `${r.filePath} already exists; a new workspace needs a new file.`,
              );
              return;
            }
            await open(r.filePath, true);
          }
        },
        openWorkspace: async () => {
          const r = await dialog.showOpenDialog(win!, {
            title: 'Open workspace',
            properties: ['openFile'],
            filters: [{ name: 'CAIO Scorecard workspace', extensions: ['sqlite', 'db'] }],
          });
          const file = r.filePaths[0];
          if (!r.canceled && file) await open(file, false);
        },
        openRecent: (file) => void open(file, false),
        clearRecent: () => {
          state.state.recent = [];
          state.save();
          app.clearRecentDocuments();
          refreshMenu();
        },
        importFile: async () => {
          const file = await pickImportFile(host, win);
          if (file) {
            send({ type: 'navigate', screen: 'import' });
            send({ type: 'import-file', file });
          }
        },
        exportPack: () => send({ type: 'navigate', screen: 'pack' }),
        backup: async () => {
          const reply = await host.call<{ file: string }>('workspace.backup', {});
          if (reply.ok) {
            const { file } = reply.result;
            void dialog.showMessageBox(win!, { type: 'info', message: 'Backup written', detail: file });
          } else {
            dialog.showErrorBox('The backup failed', reply.error.message);
          }
        },
        restore: async () => {
          const list = await host.call<{ file: string }[]>('workspace.backups', {});
          const first = list.ok ? list.result[0] : undefined;
          const r = await dialog.showOpenDialog(win!, {
            title: 'Restore from backup',
            ...(first ? { defaultPath: path.dirname(first.file) } : {}),
            properties: ['openFile'],
            filters: [{ name: 'Workspace backups', extensions: ['sqlite'] }],
          });
          const file = r.filePaths[0];
          if (r.canceled || !file) return;
          const confirm = await dialog.showMessageBox(win!, {
            type: 'warning',
            buttons: ['Restore', 'Cancel'],
            defaultId: 1,
            cancelId: 1,
            message: 'Replace the workspace with this backup?',
            detail: `${file}\n\nThe current state is backed up first.`,
          });
          if (confirm.response !== 0) return;
          const reply = await host.call('workspace.restore', { file });
          if (reply.ok) send({ type: 'workspace-changed' });
          else dialog.showErrorBox('The restore failed', reply.error.message);
        },
        navigate: (screen) => send({ type: 'navigate', screen }),
      }),
    );

  registerIpc(host, () => win, packFolder);

  // First launch opens the demo workspace; later launches reopen the last workspace.
  const last = state.state.lastWorkspace;
  const first =
    last && fs.existsSync(last)
      ? await host.request({ type: 'open', file: last, create: false })
      : await host.request({ type: 'open-default', dataDir: app.getPath('userData') });
  if (first.type === 'opened') state.rememberWorkspace(first.file);
  else {
    dialog.showErrorBox(
      'The last workspace could not be opened',
      first.type === 'error' ? first.message : '',
    );
    await host.request({ type: 'open-default', dataDir: app.getPath('userData') });
  }
  refreshMenu();
  win = createMainWindow(distDir, state);
  win.on('closed', () => (win = null));

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('activate', () => {
    if (!win) win = createMainWindow(distDir, state);
  });
  app.on('will-quit', () => host.kill());
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.whenReady().then(start, (err: unknown) => {
  dialog.showErrorBox('CAIO Scorecard could not start', String(err));
  app.quit();
});
