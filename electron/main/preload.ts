import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CaioBridge, ShellCommand } from '../../shared/api/transport';
import { IPC } from './policy';

/** The whole surface the page gets: the typed invoke and five helpers. No Node, no ipcRenderer. */
const bridge: CaioBridge = {
  invoke: (method, payload) => ipcRenderer.invoke(IPC.invoke, method, payload),
  upload: (name, data) => ipcRenderer.invoke(IPC.upload, name, data),
  pickFile: () => ipcRenderer.invoke(IPC.pickFile),
  showInFolder: (file) => ipcRenderer.invoke(IPC.showInFolder, file),
  choosePackFolder: () => ipcRenderer.invoke(IPC.choosePackFolder),
  onShellCommand: (listener) => {
    const wrapped = (_e: IpcRendererEvent, command: ShellCommand) => listener(command);
    ipcRenderer.on(IPC.shellCommand, wrapped);
    return () => ipcRenderer.removeListener(IPC.shellCommand, wrapped);
  },
};

contextBridge.exposeInMainWorld('caio', bridge);
