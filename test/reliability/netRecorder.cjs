/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload for `node --require` */
// Preloaded with `node --require` into a CLI run: records every attempt to open a network connection
// or resolve a name (net/tls connect, dns lookups and resolves, UDP sends, fetch/undici) into the file
// named by CAIO_NET_LOG, one JSON line each, and lets it proceed. The offline test fails on any line.
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');
const dgram = require('node:dgram');
const logFile = process.env.CAIO_NET_LOG;
function record(kind, detail) {
  if (!logFile) return;
  fs.appendFileSync(logFile, JSON.stringify({ kind, detail, pid: process.pid }) + '\n');
}
function describe(args) {
  const a = args[0];
  if (Array.isArray(a)) return describe(a);
  if (a && typeof a === 'object') return { host: a.host, port: a.port, path: a.path };
  return { port: a, host: typeof args[1] === 'string' ? args[1] : undefined };
}
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const d = describe(args);
  // A Unix-domain socket or pipe path is local IPC, still recorded so the test can tell.
  record(d.path ? 'ipc-connect' : 'connect', d);
  return connect.apply(this, args);
};
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) {
  const orig = dns[name];
  if (typeof orig === 'function') {
    dns[name] = function (...args) {
      record('dns-' + name, { host: args[0] });
      return orig.apply(this, args);
    };
  }
  const p = dns.promises && dns.promises[name];
  if (typeof p === 'function') {
    dns.promises[name] = function (...args) {
      record('dns-promises-' + name, { host: args[0] });
      return p.apply(this, args);
    };
  }
}
const send = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function (...args) {
  record('udp-send', {});
  return send.apply(this, args);
};
if (typeof globalThis.fetch === 'function') {
  const f = globalThis.fetch;
  globalThis.fetch = function (input, init) {
    record('fetch', { url: String(input && input.url ? input.url : input) });
    return f.call(this, input, init);
  };
}
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const a = args[0];
  const detail =
    a && typeof a === 'object'
      ? { host: a.host, port: a.port, path: a.path }
      : { port: a, host: typeof args[1] === 'string' ? args[1] : undefined };
  record(detail.path ? 'ipc-listen' : 'listen', detail);
  return listen.apply(this, args);
};
