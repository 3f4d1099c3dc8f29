import { app, Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newWorkspace(): void;
  openWorkspace(): void;
  openRecent(file: string): void;
  clearRecent(): void;
  importFile(): void;
  exportPack(): void;
  backup(): void;
  restore(): void;
  navigate(screen: string): void;
}

/** The native menu; rebuilt whenever the recent list changes. */
export function buildMenu(recent: string[], actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? [
        ...recent.map((file) => ({ label: file, click: () => actions.openRecent(file) })),
        { type: 'separator' as const },
        { label: 'Clear Recent', click: actions.clearRecent },
      ]
    : [{ label: 'No recent workspaces', enabled: false }];
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Workspace…', accelerator: 'CmdOrCtrl+Shift+N', click: actions.newWorkspace },
        { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: actions.openWorkspace },
        { label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: actions.importFile },
        { label: 'Export Pack…', accelerator: 'CmdOrCtrl+E', click: actions.exportPack },
        { type: 'separator' },
        { label: 'Back Up Workspace…', click: actions.backup },
        { label: 'Restore from Backup…', click: actions.restore },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { label: 'Dashboard', accelerator: 'CmdOrCtrl+1', click: () => actions.navigate('dashboard') },
        { label: 'Scorecard', accelerator: 'CmdOrCtrl+2', click: () => actions.navigate('scorecard') },
        { label: 'Initiatives', accelerator: 'CmdOrCtrl+3', click: () => actions.navigate('initiatives') },
        { label: 'Budget', accelerator: 'CmdOrCtrl+4', click: () => actions.navigate('budget') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
