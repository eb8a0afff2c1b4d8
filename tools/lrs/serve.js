#!/usr/bin/env node
// A real xAPI 1.0.3 learning record store for trying and testing `holdspace sync`: Learning Locker's
// xapi-statements, kept in memory, accepting any basic-auth credentials, listening on 127.0.0.1 only.
// Usage: node tools/lrs/serve.js PORT   → endpoint http://127.0.0.1:PORT/xAPI
'use strict';
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error('usage: node tools/lrs/serve.js PORT');
  process.exit(2);
}

// The server's access logs go to a folder of their own, removed on exit, not into the current folder.
const logs = fs.mkdtempSync(path.join(os.tmpdir(), 'holdspace-lrs-'));
process.on('exit', () => fs.rmSync(logs, { recursive: true, force: true }));

Object.assign(process.env, {
  AUTH_REPO: 'test',
  EVENTS_REPO: 'test',
  MODELS_REPO: 'memory',
  STORAGE_REPO: 'memory',
  EXPRESS_PORT: String(port),
  EXPRESS_MORGAN_DIRECTORY: logs,
  FS_LOCAL_STORAGE_DIR: logs,
  WINSTON_CONSOLE_LEVEL: process.env.WINSTON_CONSOLE_LEVEL || 'warn',
});
process.chdir(logs);  // the server reads a .env file from the current folder; there is none here

// The server listens on every interface; keep it on loopback.
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (listenPort, ...rest) {
  const server = listen.call(this, listenPort, '127.0.0.1', ...rest);
  server.on('listening', () => console.log(`learning record store at http://127.0.0.1:${port}/xAPI`));
  return server;
};
process.emitWarning = () => {};  // the AWS SDK's end-of-support notice is noise here

require('xapi-statements/dist/server.js');
