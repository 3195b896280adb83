// Runs Learning Locker's statement validator (npm
// @learninglocker/xapi-validation@3.0.0) over a JSON array of statements
// read from stdin, and prints one JSON array: for each statement, the list
// of problems it found (empty when none), as {path, type, data}.
//
// usage: node validate.js <directory holding node_modules/@learninglocker/xapi-validation>
'use strict';
const path = require('path');

const prefix = process.argv[2];
if (!prefix) {
  console.error('usage: node validate.js <npm prefix>');
  process.exit(2);
}
const validate = require(path.resolve(prefix, 'node_modules', '@learninglocker', 'xapi-validation')).default;

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const statements = JSON.parse(input);
  const problems = statements.map((statement) => validate(statement).map((w) => ({
    path: (w.path || []).join('.'),
    type: w.typeName || w.name,
    data: w.data,
  })));
  process.stdout.write(JSON.stringify(problems));
});
