#!/usr/bin/env node
// A hostile learning record store: it answers `POST /statements` (and `GET ?statementId=`) in every
// wrong way an LRS, a captive portal or a broken proxy does, so that tests can see `holdspace sync`
// mark nothing sent that was not acknowledged with its ids (xAPI 1.0.3: a 200 to POST carries the
// JSON array of the ids stored, in order). Listens on 127.0.0.1 only, and is bounded: it exits after
// --max-requests requests or --max-seconds seconds, whichever comes first.
//
// Usage: node tools/lrs/hostile.js PORT [options]        endpoint http://127.0.0.1:PORT/xAPI
//   --modes m1,m2,...   the answer to each request in turn (cycling); default html
//   --upstream PORT     a real LRS (tools/lrs/serve.js): every request is first passed on to it, so the
//                       statements are stored, and then answered as the mode says
//   --max-requests N    exit after N requests (default 100)
//   --max-seconds S     exit after S seconds (default 120)
//   --slow-seconds S    how long `slow` waits (default 5; beyond the client's --timeout)
//   --huge-bytes B      how much `huge` streams (default 2 GiB, sent only as fast as it is read)
//   --depth D           how deeply `nested` nests (default 100000)
// A request may choose its own mode instead: http://127.0.0.1:PORT/MODE/xAPI/statements.
//
// Modes (a POST gets 200 unless said otherwise; a GET ?statementId=ID gets the same kind of answer):
//   ack        the right answer: the ids received, in order (with --upstream: the LRS's own answer)
//   html       a captive portal's login page (with a terminal escape sequence in its title)
//   empty      an empty body            emptyarray  []
//   wrong      as many ids, all others   fewer      the ids but the last     extra  one id more
//   reorder    the ids in another order  object     {"ids": [...]}           numbers [1, 2, ...]
//   nulls      [null, ...]               truncated  the acknowledgement cut in half (Content-Length honest)
//   cut        Content-Length of the whole acknowledgement, half of it sent, then the connection dropped
//   slow       the right answer after --slow-seconds
//   dribble    the right answer one byte every half second
//   huge       a body of --huge-bytes ("[" and endless ids), streamed
//   nested     [[[[...]]]] --depth deep
//   nocontent  204 with no body           redirect   302 to a login page
//   conflict   409 {"message": ...}; a GET gets the LRS's answer (with --upstream) or 404
//   other      (for a GET) 200 with another statement under the id asked for
// A GET of statements by query (what `holdspace pull` asks) gets, besides html, empty, truncated,
// nested, huge, slow and ack (the LRS's own page):
//   moreloop   no statements, and a `more` link to the very page asked for
//   moreaway   no statements, and a `more` link to another server
//   morebroken no statements, and a `more` link to a path that is no statement resource (404)
//   endless    no statements, and a `more` link to a new page, every time
//   junk       a page of statements that are not what they say: wrong types, malformed replay
//              extensions, hostile text, notes on sessions nobody has
// Each request is logged on stdout as one JSON line:
//   {"n": 1, "method": "POST", "mode": "html", "ids": [ids received], "acknowledged": [ids]}
// where "acknowledged" lists the ids this peer vouched for: a POST answered correctly (mode ack, a 200
// whose body is the ids received) or a GET answered with the statement the LRS holds; nothing otherwise.
'use strict';
const crypto = require('crypto');
const http = require('http');

const port = Number(process.argv[2]);
const options = { modes: ['html'], upstream: 0, maxRequests: 100, maxSeconds: 120, slowSeconds: 5,
                  hugeBytes: 2 * 1024 ** 3, depth: 100000 };
for (let i = 3; i < process.argv.length; ++i) {
  const arg = process.argv[i];
  const value = process.argv[++i];
  if (arg === '--modes') options.modes = value.split(',').filter(Boolean);
  else if (arg === '--upstream') options.upstream = Number(value);
  else if (arg === '--max-requests') options.maxRequests = Number(value);
  else if (arg === '--max-seconds') options.maxSeconds = Number(value);
  else if (arg === '--slow-seconds') options.slowSeconds = Number(value);
  else if (arg === '--huge-bytes') options.hugeBytes = Number(value);
  else if (arg === '--depth') options.depth = Number(value);
  else {
    console.error(`hostile: unknown option ${arg}`);
    process.exit(2);
  }
}
const known = new Set(['ack', 'html', 'empty', 'emptyarray', 'wrong', 'fewer', 'extra', 'reorder', 'object', 'numbers',
                       'nulls', 'truncated', 'cut', 'slow', 'dribble', 'huge', 'nested', 'nocontent', 'redirect',
                       'conflict', 'other', 'moreloop', 'moreaway', 'morebroken', 'endless', 'junk']);
if (!Number.isInteger(port) || port <= 0 || port > 65535 || options.modes.some((m) => !known.has(m))) {
  console.error('usage: node tools/lrs/hostile.js PORT [--modes m1,m2,...] [--upstream PORT] [--max-requests N] ' +
                `[--max-seconds S] [--slow-seconds S] [--huge-bytes B] [--depth D]; modes: ${[...known].join(' ')}`);
  process.exit(2);
}

setTimeout(() => process.exit(0), options.maxSeconds * 1000).unref();
let served = 0;
let nextMode = 0;

function upstream(method, url, headers, body) {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: options.upstream, method, path: url, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

function send(response, status, type, body) {
  const headers = { 'x-experience-api-version': '1.0.3' };
  if (type) headers['content-type'] = type;
  response.writeHead(status, headers);
  response.end(body);
}

const json = (response, value, status = 200) => send(response, status, 'application/json', JSON.stringify(value));

function streamHuge(response) {
  response.writeHead(200, { 'content-type': 'application/json' });  // chunked: no length announced
  const chunk = Buffer.from('"00000000-0000-4000-8000-000000000000",'.repeat(1000));
  let sent = 0;
  let closed = false;
  response.on('close', () => { closed = true; });
  const pump = () => {
    while (!closed && sent < options.hugeBytes) {
      sent += chunk.length;
      if (!response.write(sent === chunk.length ? Buffer.concat([Buffer.from('['), chunk]) : chunk)) {
        response.once('drain', pump);
        return;
      }
    }
    if (!closed) response.end('"x"]');
  };
  pump();
}

function otherIds(ids) {
  return ids.map(() => crypto.randomUUID());
}

// The answer to a POST of `ids`; `ackBody` is the right answer (the LRS's, or made here).
function answerPost(mode, response, ids, ackBody) {
  const half = ackBody.subarray(0, Math.max(1, Math.floor(ackBody.length / 2)));
  switch (mode) {
    case 'ack': return send(response, 200, 'application/json', ackBody);
    case 'html':
      return send(response, 200, 'text/html',
                  '<!DOCTYPE html>\n<html><head><title>\x1b]0;pwned\x07Hotel WiFi\x1b[2J</title></head>\n' +
                  '<body><form action="/login">Accept the terms to continue</form></body></html>\n');
    case 'empty': return send(response, 200, 'application/json', '');
    case 'emptyarray': return json(response, []);
    case 'wrong': return json(response, otherIds(ids));
    case 'fewer': return json(response, ids.slice(0, -1));
    case 'extra': return json(response, [...ids, crypto.randomUUID()]);
    case 'reorder': return json(response, ids.length > 1 ? [...ids.slice(1), ids[0]] : otherIds(ids));
    case 'object': return json(response, { ids });
    case 'numbers': return json(response, ids.map((_, k) => k + 1));
    case 'nulls': return json(response, ids.map(() => null));
    case 'truncated': return send(response, 200, 'application/json', half);
    case 'cut':
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(ackBody.length) });
      response.write(half);
      return setTimeout(() => response.socket && response.socket.destroy(), 100);
    case 'slow':
      return setTimeout(() => { if (!response.destroyed) send(response, 200, 'application/json', ackBody); },
                        options.slowSeconds * 1000);
    case 'dribble': {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(ackBody.length) });
      let at = 0;
      const timer = setInterval(() => {
        if (response.destroyed || at >= ackBody.length) { clearInterval(timer); response.end(); return; }
        response.write(ackBody.subarray(at, ++at));
      }, 500);
      return undefined;
    }
    case 'huge': return streamHuge(response);
    case 'nested': return send(response, 200, 'application/json', '['.repeat(options.depth) + ']'.repeat(options.depth));
    case 'nocontent': return send(response, 204, null, '');
    case 'redirect':
      response.writeHead(302, { location: 'http://127.0.0.1/login', 'content-type': 'text/html' });
      return response.end('<html><body>Moved</body></html>');
    case 'conflict': return json(response, { message: `Statement ${ids[0] || ''} already exists` }, 409);
    case 'other': return json(response, otherIds(ids));
    default: return json(response, { message: `hostile: mode ${mode}` }, 500);
  }
}

// The answer to GET ?statementId=ID: `real` is the LRS's answer (or a 404 without --upstream).
function answerGet(mode, response, id, real) {
  const statement = real.status === 200 ? real.body : Buffer.from(JSON.stringify({ id }));
  switch (mode) {
    case 'ack': case 'conflict': return send(response, real.status, 'application/json', real.body);
    case 'other': {
      const other = { id, actor: { mbox: 'mailto:someone-else@example.org' },
                      verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { id: 'https://example.org/x' } };
      return json(response, other);
    }
    case 'wrong': {
      let copy = {};
      try { copy = JSON.parse(statement.toString('utf8')); } catch (error) { /* not JSON: send our own */ }
      copy.id = crypto.randomUUID();
      return json(response, copy);
    }
    case 'emptyarray': return json(response, []);
    case 'truncated': case 'cut': case 'slow': case 'dribble':
      return answerPost(mode, response, [id], statement);
    default: return answerPost(mode, response, [id], Buffer.from(JSON.stringify([id])));
  }
}

// Statements that look like Holdspace's and are not: every field a puller reads, wrong.
function junkStatements() {
  const base = 'https://holdspace.example.org';
  const replay = `${base}/extensions/replay`;
  const completed = { id: 'http://adlnet.gov/expapi/verbs/completed' };
  const statement = (extension, extra = {}) => ({
    id: crypto.randomUUID(), actor: { objectType: 'Agent', account: { homePage: `${base}/trainees`, name: 'mallory' } },
    verb: completed, object: { id: `${base}/scenarios/x` }, stored: '2026-01-01T00:00:00.000Z',
    context: { extensions: { [replay]: extension } }, result: { score: { raw: 50 } }, ...extra });
  return [
    17, null, 'statement', [], {},
    statement(null), statement('replay'), statement([1, 2]),
    statement({ scenario: 'medicine.memory_surfaces', digest: 'x', seed: -1, actions: [] }),
    statement({ scenario: 'medicine.memory_surfaces', digest: 'x', seed: 1.5e300, actions: ['hold_space'] }),
    statement({ scenario: 'medicine.memory_surfaces', digest: 'x', seed: 1, actions: [1, { a: 2 }] }),
    statement({ scenario: 'medicine.memory_surfaces', digest: 'x', seed: 1, actions: 'hold_space' }),
    statement({ scenario: '\u001b]0;pwned\u0007../../etc/passwd', digest: 'x', seed: 1, actions: [] }),
    statement({ scenario: 'no.such_scenario', digest: 'x', seed: 1, actions: ['x'.repeat(100000)] }),
    statement({ scenario: 'medicine.memory_surfaces', digest: 'not-the-digest', seed: 1, actions: ['hold_space'] }),
    statement({ scenario: 'medicine.memory_surfaces', digest: 'x', seed: 1, actions: [] },
              { actor: { account: { name: '\u001b[2J\u0000trainee' } } }),
    statement({ scenario: 'medicine.memory_surfaces', digest: 'x', seed: 1, actions: [] }, { id: 42 }),
    { id: crypto.randomUUID(), verb: { id: 'http://adlnet.gov/expapi/verbs/commented' },
      context: { statement: { id: crypto.randomUUID() }, extensions: { [`${base}/extensions/supervision`]: { kind: 'note', event: -3 } } } },
  ];
}

// The answer to a GET of statements by query (a page of a statement result).
function answerQuery(mode, response, url, real) {
  const page = (more) => json(response, { statements: [], more });
  switch (mode) {
    case 'ack': return send(response, real.status, 'application/json', real.body);
    case 'moreloop': return page(url);
    case 'moreaway': return page('http://attacker.example.org/xAPI/statements?from=holdspace');
    case 'morebroken': return page('/nowhere/at/all');
    case 'endless': return page(`/xAPI/statements?page=${crypto.randomUUID()}`);
    case 'junk': return json(response, { statements: junkStatements(), more: '' });
    default: return answerPost(mode, response, [], real.status === 200 ? real.body : Buffer.from('{"statements":[]}'));
  }
}

async function handle(request, response, body) {
  const n = ++served;
  if (n >= options.maxRequests) response.on('close', () => setTimeout(() => process.exit(0), 50));
  let url = request.url;
  let mode = options.modes[nextMode++ % options.modes.length];
  const chosen = /^\/([a-z]+)(\/.*)$/.exec(url);
  if (chosen && known.has(chosen[1])) {
    mode = chosen[1];
    url = chosen[2];
  }
  const headers = { ...request.headers };
  delete headers.host;
  const isPost = request.method === 'POST' && url.split('?')[0].endsWith('/statements');
  let ids = [];
  if (isPost) {
    try {
      ids = [].concat(JSON.parse(body.toString('utf8'))).map((s) => (s && s.id) || null);
    } catch (error) { /* not statements: no ids */ }
  } else {
    const asked = new URL(url, 'http://127.0.0.1').searchParams.get('statementId');
    if (asked) ids = [asked];
  }
  const real = options.upstream
    ? await upstream(request.method, url, headers, body)
    : { status: isPost ? 200 : 404, body: Buffer.from(isPost ? JSON.stringify(ids) : '{"message":"not found"}') };
  let acknowledged = [];
  if (isPost && mode === 'ack' && real.status === 200) {
    try {
      const answer = JSON.parse(real.body.toString('utf8'));
      if (JSON.stringify(answer) === JSON.stringify(ids)) acknowledged = ids;
    } catch (error) { /* the LRS's answer is not an acknowledgement */ }
  }
  if (!isPost && ids.length === 1 && (mode === 'ack' || mode === 'conflict') && real.status === 200) acknowledged = ids;
  console.log(JSON.stringify({ n, method: request.method, mode, ids, acknowledged, upstream: options.upstream ? real.status : null }));
  if (isPost) {
    // Without an LRS behind, an ack stands for a stored batch; a real LRS's error is passed on as it is.
    if (mode === 'ack' && real.status !== 200) return send(response, real.status, 'application/json', real.body);
    return answerPost(mode, response, ids, real.status === 200 ? real.body : Buffer.from(JSON.stringify(ids)));
  }
  if (request.method === 'GET' && ids.length === 1) return answerGet(mode, response, ids[0], real);
  if (request.method === 'GET' && url.split('?')[0].endsWith('/statements')) return answerQuery(mode, response, url, real);
  return send(response, real.status, real.headers ? real.headers['content-type'] : 'application/json', real.body);
}

http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    handle(request, response, Buffer.concat(chunks)).catch((error) => {
      if (!response.headersSent) json(response, { message: `hostile: ${error.message}` }, 502);
    });
  });
}).listen(port, '127.0.0.1', () => console.error(`hostile LRS at http://127.0.0.1:${port}/xAPI (${options.modes.join(',')})`));
process.on('SIGTERM', () => process.exit(0));
