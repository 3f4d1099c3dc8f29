import { app, session, type WebContents } from 'electron';
import { isAllowedNavigation } from './policy';

/**
 * App-wide hardening: no permissions, no new windows, no navigation away from the app, no webviews.
 * Applied to every web contents ever created, not only the main window.
 */
export function hardenApp(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  // Offline means offline: only the app's own protocol and devtools may load anything.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      details.url.startsWith('app://') ||
      details.url.startsWith('devtools://') ||
      details.url.startsWith('data:');
    callback({ cancel: !allowed });
  });

  app.on('web-contents-created', (_event, contents: WebContents) => {
    // No new windows, and no hand-off to the system browser either: a URL is a way out for data.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
