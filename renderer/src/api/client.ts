import type { Input, MethodName, Output } from '../../../shared/api';
import type { ApiErrorShape, ApiResponse } from '../../../shared/api/contract';
import type { CaioBridge, ShellCommand, UploadedFileRef } from '../../../shared/api/transport';

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

function httpTransport(): Transport {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // Keep the token out of the address bar, history and screenshots.
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`,
    );
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  const post = async (url: string, body: BodyInit, contentType: string) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': contentType, 'X-Caio-Token': token },
      body,
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
