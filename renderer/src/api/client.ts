import type { Input, MethodName, Output } from '../../../shared/api';
import type { ApiErrorShape, ApiResponse } from '../../../shared/api/contract';
import {
  LAUNCH_FRAGMENT,
  TOKEN_HEADER,
  type CaioBridge,
  type ShellCommand,
  type UploadedFileRef,
} from '../../../shared/api/transport';

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
  };
}

function desktopTransport(bridge: CaioBridge): Transport {
  return {
    kind: 'desktop',
    invoke: (method, payload) => bridge.invoke(method, payload),
    upload: async (file, name) => bridge.upload(name, await file.arrayBuffer()),
    pickFile: () => bridge.pickFile(),
    onShellCommand: (listener) => bridge.onShellCommand(listener),
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
};
