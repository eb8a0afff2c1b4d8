#!/usr/bin/env node
// Prints every statement a learning record store holds, as one JSON array (following its "more" links).
// Usage: node tools/lrs/statements.js ENDPOINT   e.g. http://127.0.0.1:8080/xAPI
'use strict';
const http = require('http');

const endpoint = process.argv[2];
if (!endpoint) {
  console.error('usage: node tools/lrs/statements.js ENDPOINT');
  process.exit(2);
}
const base = new URL(endpoint.replace(/\/$/, '') + '/');

function get(url) {
  return new Promise((resolve, reject) => {
    http.get(url, { auth: 'holdspace:test', headers: { 'X-Experience-API-Version': '1.0.3' } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (response.statusCode !== 200) reject(new Error(`GET ${url}: HTTP ${response.statusCode} ${text}`));
        else resolve(JSON.parse(text));
      });
    }).on('error', reject);
  });
}

(async () => {
  const all = [];
  let next = new URL('statements?limit=500', base);
  while (next) {
    const page = await get(next);
    all.push(...page.statements);
    next = page.more ? new URL(page.more, base) : null;
  }
  console.log(JSON.stringify(all));
})().catch((error) => {
  console.error(`statements: ${error.message}`);
  process.exit(1);
});
