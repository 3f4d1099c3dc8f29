/**
 * The desktop shell's security policy as plain data and pure checks (no `electron` import),
 * so the tests verify it under Node and the shell applies exactly this.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'caio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  safeDialogs: true,
} as const;

/** Only our own pages, served from the app protocol, may call the API. */
export function isTrustedSenderUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Navigation is allowed only within the app's own origin (hash changes of the single page). */
export function isAllowedNavigation(url: string): boolean {
  return isTrustedSenderUrl(url);
}

export const IPC = {
  invoke: 'caio:invoke',
  upload: 'caio:upload',
  pickFile: 'caio:pick-file',
  shellCommand: 'caio:shell-command',
  showInFolder: 'caio:show-in-folder',
  choosePackFolder: 'caio:choose-pack-folder',
} as const;

/** Upper bounds on what the renderer may send in one IPC message. */
export const IPC_LIMITS = {
  methodName: 64,
  uploadBytes: 512 * 1024 * 1024,
  fileName: 255,
} as const;
