// Preloaded with `node --import` by the privacy tests: every way Node has to
// reach the network fails loudly, and each attempt is appended to the file
// named by NO_NETWORK_LOG, so a test can assert that none was made even when
// the tool would have swallowed the error.
import { appendFileSync } from "node:fs";
import dgram from "node:dgram";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import http2 from "node:http2";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";
import tls from "node:tls";

const log = process.env.NO_NETWORK_LOG;

function blocked(what) {
  return function blockedCall() {
    if (log) appendFileSync(log, `${process.pid} ${what}\n`);
    throw new Error(`network access attempted (${what}); rejection-coach must stay offline`);
  };
}

const patch = (object, name, label) => {
  object[name] = blocked(label);
};

patch(net, "connect", "net.connect");
patch(net, "createConnection", "net.createConnection");
patch(net.Socket.prototype, "connect", "net.Socket#connect");
patch(tls, "connect", "tls.connect");
for (const name of ["lookup", "resolve", "resolve4", "resolve6", "resolveAny", "lookupService"]) {
  patch(dns, name, `dns.${name}`);
  patch(dns.promises, name, `dns.promises.${name}`);
}
for (const [module, label] of [
  [http, "http"],
  [https, "https"],
]) {
  patch(module, "request", `${label}.request`);
  patch(module, "get", `${label}.get`);
}
patch(http2, "connect", "http2.connect");
patch(dgram, "createSocket", "dgram.createSocket");
globalThis.fetch = blocked("fetch");
globalThis.WebSocket = blocked("WebSocket");
syncBuiltinESMExports();
