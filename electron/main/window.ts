import path from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { APP_ENTRY, WEB_PREFERENCES } from './policy';
import type { ShellStateStore } from './state';

function visibleOnSomeDisplay(b: { x: number; y: number; width: number; height: number }): boolean {
  return screen
    .getAllDisplays()
    .some(
      ({ workArea: a }) =>
        b.x < a.x + a.width && b.x + b.width > a.x && b.y < a.y + a.height && b.y + b.height > a.y,
    );
}

/** The one app window: hardened preferences, remembered size and position, app:// content only. */
export function createMainWindow(distDir: string, state: ShellStateStore): BrowserWindow {
  const saved = state.state.window.bounds;
  const bounds = saved && visibleOnSomeDisplay(saved) ? saved : { width: 1360, height: 880 };
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'CAIO Scorecard',
    backgroundColor: '#111a2b',
    webPreferences: {
      ...WEB_PREFERENCES,
      preload: path.join(distDir, 'preload.cjs'),
    },
  });
  if (state.state.window.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  const remember = () => {
    if (win.isDestroyed()) return;
    state.state.window = {
      bounds: win.isMaximized() ? state.state.window.bounds : win.getBounds(),
      maximized: win.isMaximized(),
    };
    state.save();
  };
  win.on('close', remember);
  void win.loadURL(APP_ENTRY);
  return win;
}
