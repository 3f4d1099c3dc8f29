import type { Input, MethodName, Output } from '../../../shared/api';
import type { ApiErrorShape, ApiResponse } from '../../../shared/api/contract';
import {
  LAUNCH_FRAGMENT,
  TOKEN_HEADER,
  type CaioBridge,
  type ShellCommand,
  type UploadedFileRef,
} from '../../../shared/api/transport';
import { DOWNLOAD_PATH, downloadQuery, type PackFileRef } from '../../../shared/export/packFileRef';

declare global {
  interface Window {
    caio?: CaioBridge;
  }
}

/** An API failure as the renderer sees it: a code and a plain-words message. */
export class ClientError extends Error implements ApiErrorShape {
  constructor(
    readonly code: ApiErrorShape['code'],
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

interface Transport {
  invoke(method: string, payload: unknown): Promise<ApiResponse<unknown>>;
  upload(file: Blob, name: string): Promise<ApiResponse<UploadedFileRef>>;
  pickFile(): Promise<UploadedFileRef | null>;
  onShellCommand(listener: (c: ShellCommand) => void): () => void;
  kind: 'desktop' | 'browser';
  /** What this transport can do with an exported pack file. */
  capabilities: PackFileCapabilities;
  /** The file's bytes as a browser download (the bridge). */
  download(file: PackFileRef, name: string): Promise<void>;
  /** The file shown in the system's file manager (desktop). */
  showInFolder(file: PackFileRef): Promise<ApiResponse<null>>;
  /** The folder the next packs go to, from the native dialog (desktop). */
  choosePackFolder(): Promise<ApiResponse<{ folder: string | null }>>;
}

export interface PackFileCapabilities {
  /** The browser: each exported file is offered as a download. */
  download: boolean;
  /** The desktop app: "Show in folder" and a folder chosen in the native dialog. */
  showInFolder: boolean;
  chooseFolder: boolean;
}

const UNSUPPORTED: ApiResponse<never> = {
  ok: false,
  error: { code: 'BAD_REQUEST', message: 'Not available in this window.' },
};

/** Saves bytes under a name as the browser's download (an object URL clicked from a download link). */
function saveAs(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // After the browser has taken the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const TOKEN_KEY = 'caio.token';

/**
 * The local bridge's per-run token. It arrives in the launch URL's fragment, which the browser sends to no
 * server (nor in a Referer); it is kept in this page's memory and sent as a header, never in a cookie
 * (127.0.0.1's cookies go to every port of it, so any other local server would receive one). A copy in
 * sessionStorage lets a reload of this tab work: that store is per origin, port included, and per tab.
 * The fragment is then stripped from the address bar and history.
 */
function takeToken(): string | null {
  const launch = LAUNCH_FRAGMENT.exec(window.location.hash);
  if (!launch) return null;
  sessionStorage.setItem(TOKEN_KEY, launch[1]!);
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${window.location.search}${launch[2] ?? ''}`,
  );
  return launch[1]!;
}

/** Under the browsers' 64 KiB keep-alive limit even when every character takes 3 bytes in UTF-8. */
const KEEPALIVE_MAX_CHARS = 20_000;

function httpTransport(): Transport {
  let token = takeToken() ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
  // A launch URL opened in a tab already showing the app only changes the fragment: take it the same way.
  // Registered before the app's own route listener, so the route never sees the token.
  window.addEventListener('hashchange', () => {
    token = takeToken() ?? token;
  });
  const post = async (url: string, body: BodyInit, contentType: string) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': contentType, [TOKEN_HEADER]: token },
      body,
      // A small call started as the page goes away (commentary saved on reload or close) still arrives;
      // the browser caps keep-alive bodies at 64 KiB, so uploads and large calls go without it.
      keepalive: typeof body === 'string' && body.length < KEEPALIVE_MAX_CHARS,
    });
    const text = await res.text();
    try {
      return JSON.parse(text) as ApiResponse<never>;
    } catch {
      return {
        ok: false,
        error: { code: 'INTERNAL', message: `${res.status} ${text.slice(0, 200)}` },
      } as ApiResponse<never>;
    }
  };
  return {
    kind: 'browser',
    invoke: (method, payload) =>
      post(`./api/${encodeURIComponent(method)}`, JSON.stringify(payload ?? {}), 'application/json'),
    upload: (file, name) =>
      post(`./upload?name=${encodeURIComponent(name)}`, file, 'application/octet-stream'),
    pickFile: async () => null,
    onShellCommand: () => () => undefined,
    capabilities: { download: true, showInFolder: false, chooseFolder: false },
    // Fetched with the token header (no cookie, no token in a URL), then saved from memory.
    download: async (file, name) => {
      const res = await fetch(`.${DOWNLOAD_PATH}?${downloadQuery(file)}`, {
        headers: { [TOKEN_HEADER]: token },
      });
      if (!res.ok) {
        const text = await res.text();
        let error: ApiErrorShape = { code: 'INTERNAL', message: `${res.status} ${text.slice(0, 200)}` };
        try {
          const body = JSON.parse(text) as ApiResponse<never>;
          if (!body.ok) error = body.error;
        } catch {
          // Not JSON: the status line says it.
        }
        throw new ClientError(error.code, error.message, error.details);
      }
      saveAs(await res.blob(), name);
    },
    showInFolder: async () => UNSUPPORTED,
    choosePackFolder: async () => UNSUPPORTED,
  };
}

function desktopTransport(bridge: CaioBridge): Transport {
  return {
    kind: 'desktop',
    invoke: (method, payload) => bridge.invoke(method, payload),
    upload: async (file, name) => bridge.upload(name, await file.arrayBuffer()),
    pickFile: () => bridge.pickFile(),
    onShellCommand: (listener) => bridge.onShellCommand(listener),
    capabilities: { download: false, showInFolder: true, chooseFolder: true },
    download: async () => {
      throw new ClientError('BAD_REQUEST', 'The desktop app saves packs to a folder: use Show in folder.');
    },
    showInFolder: (file) => bridge.showInFolder(file),
    choosePackFolder: () => bridge.choosePackFolder(),
  };
}

const transport: Transport = window.caio ? desktopTransport(window.caio) : httpTransport();

function unwrap<T>(response: ApiResponse<unknown>): T {
  if (response.ok) return response.result as T;
  throw new ClientError(response.error.code, response.error.message, response.error.details);
}

/** The typed API: the renderer's only way to the service, whichever transport carries it. */
export const api = {
  transport: transport.kind,
  call: async <K extends MethodName>(method: K, input: Input<K>): Promise<Output<K>> =>
    unwrap<Output<K>>(await transport.invoke(method, input)),
  upload: async (file: File): Promise<UploadedFileRef> =>
    unwrap<UploadedFileRef>(await transport.upload(file, file.name)),
  pickFile: () => transport.pickFile(),
  onShellCommand: (listener: (c: ShellCommand) => void) => transport.onShellCommand(listener),
  /** What the pack screen may offer for an exported file here. */
  packFiles: {
    capabilities: transport.capabilities,
    download: (file: PackFileRef, name: string) => transport.download(file, name),
    showInFolder: async (file: PackFileRef): Promise<null> =>
      unwrap<null>(await transport.showInFolder(file)),
    chooseFolder: async (): Promise<{ folder: string | null }> =>
      unwrap<{ folder: string | null }>(await transport.choosePackFolder()),
  },
};
