#!/usr/bin/env node
// A proxy in front of a learning record store that misbehaves the way networks and LRSs do, so that
// tests can see `holdspace sync` retry, resolve conflicts and lose nothing. Listens on 127.0.0.1 only.
//
// Usage: node tools/lrs/flaky_proxy.js PORT UPSTREAM_PORT [options]
//   --fail N --status S   answer the first N statement POSTs with HTTP S (429 and 503 say Retry-After: 1)
//   --lose N              forward the first N statement POSTs, then drop the connection before answering
//                         (the LRS stored them; the client never hears so)
//   --strict-conflicts    answer 409 to a POST holding any id the LRS already has, as some LRSs do
//                         even for an identical statement
// GET /proxy/stats answers {"posts": statement POSTs received, "forwarded": POSTs passed on}.
'use strict';
const http = require('http');

const [port, upstreamPort] = process.argv.slice(2, 4).map(Number);
const options = { fail: 0, status: 503, lose: 0, strictConflicts: false };
for (let i = 4; i < process.argv.length; ++i) {
  const arg = process.argv[i];
  if (arg === '--fail') options.fail = Number(process.argv[++i]);
  else if (arg === '--status') options.status = Number(process.argv[++i]);
  else if (arg === '--lose') options.lose = Number(process.argv[++i]);
  else if (arg === '--strict-conflicts') options.strictConflicts = true;
  else {
    console.error(`flaky_proxy: unknown option ${arg}`);
    process.exit(2);
  }
}
if (!port || !upstreamPort) {
  console.error('usage: node tools/lrs/flaky_proxy.js PORT UPSTREAM_PORT [--fail N --status S] [--lose N] [--strict-conflicts]');
  process.exit(2);
}

const stats = { posts: 0, forwarded: 0 };

function upstream(method, url, headers, body) {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: upstreamPort, method, path: url, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

function answer(response, status, headers, body) {
  response.writeHead(status, headers);
  response.end(body);
}

async function alreadyStored(statements, headers) {
  for (const statement of statements) {
    if (!statement || !statement.id) continue;
    const found = await upstream('GET', `/xAPI/statements?statementId=${encodeURIComponent(statement.id)}`,
                                 { authorization: headers.authorization, 'x-experience-api-version': '1.0.3' });
    if (found.status === 200) return statement.id;
  }
  return null;
}

async function handle(request, response, body) {
  if (request.method === 'GET' && request.url === '/proxy/stats') {
    return answer(response, 200, { 'content-type': 'application/json' }, JSON.stringify(stats));
  }
  const headers = { ...request.headers };
  delete headers.host;
  const isStatementPost = request.method === 'POST' && request.url.split('?')[0].endsWith('/statements');
  if (isStatementPost) {
    ++stats.posts;
    if (options.fail > 0) {
      --options.fail;
      const extra = options.status === 429 || options.status === 503 ? { 'retry-after': '1' } : {};
      return answer(response, options.status, { 'content-type': 'application/json', ...extra },
                    JSON.stringify({ message: `injected failure ${options.status}` }));
    }
    if (options.strictConflicts) {
      let statements = [];
      try {
        statements = [].concat(JSON.parse(body.toString('utf8')));
      } catch (error) { /* let the LRS answer malformed bodies */ }
      const stored = await alreadyStored(statements, headers);
      if (stored) {
        return answer(response, 409, { 'content-type': 'application/json' },
                      JSON.stringify({ message: `Statement ${stored} already exists` }));
      }
    }
    ++stats.forwarded;
  }
  const reply = await upstream(request.method, request.url, headers, body);
  if (isStatementPost && options.lose > 0) {
    --options.lose;
    request.socket.destroy();
    return;
  }
  answer(response, reply.status, reply.headers, reply.body);
}

http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    handle(request, response, Buffer.concat(chunks)).catch((error) => {
      answer(response, 502, { 'content-type': 'application/json' }, JSON.stringify({ message: `proxy: ${error.message}` }));
    });
  });
}).listen(port, '127.0.0.1', () => console.log(`flaky proxy at http://127.0.0.1:${port}/xAPI -> port ${upstreamPort}`));
process.on('SIGTERM', () => process.exit(0));
