#!/usr/bin/env node
// Validates xAPI statements with Learning Locker's validator (@learninglocker/xapi-validation).
// Usage: node tools/lrs/validate.js [FILE]   (JSON: one statement or an array; stdin without FILE)
// Prints "N statements valid" and exits 0, or prints every warning with the statement's id and exits 1;
// exits 2 when the input is not JSON.
'use strict';
const fs = require('fs');
const validate = require('@learninglocker/xapi-validation').default;

const file = process.argv[2];
let data;
try {
  data = JSON.parse(fs.readFileSync(file === undefined || file === '-' ? 0 : file, 'utf8'));
} catch (error) {
  console.error(`validate: ${file || 'stdin'}: ${error.message}`);
  process.exit(2);
}

// "TypeWarning at statement.id: expected Universal Unique Identifier (UUID), got "x"".
function describe(warning) {
  let text = `${warning.name} at ${(warning.path || []).join('.')}`;
  if (warning.typeName) text += `: expected ${warning.typeName}`;
  if (warning.data !== undefined) text += `, got ${JSON.stringify(warning.data)}`;
  return text;
}

const statements = Array.isArray(data) ? data : [data];
let problems = 0;
statements.forEach((statement, index) => {
  const warnings = validate(statement);
  for (const warning of warnings) {
    console.error(`statement ${index} (${statement && statement.id}): ${describe(warning)}`);
  }
  problems += warnings.length;
});
if (statements.length === 0) {
  console.error('validate: no statements');
  process.exit(1);
}
if (problems > 0) {
  console.error(`${problems} problem${problems === 1 ? '' : 's'} in ${statements.length} statements`);
  process.exit(1);
}
console.log(`${statements.length} statements valid`);
