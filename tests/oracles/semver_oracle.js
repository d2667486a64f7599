// Test oracle: node-semver (pinned in package-lock.json) answers one question per input line.
//   "sat\t<range>\t<version>" -> true | false | invalid   (semver.satisfies, no options)
//   "cmp\t<a>\t<b>"           -> -1 | 0 | 1 | invalid     (semver.compare, no options)
// "invalid" means that node-semver throws on the range or a version.
'use strict';
const path = require('path');
const semver = require(path.join(__dirname, 'node_modules', 'semver'));
const input = require('fs').readFileSync(0, 'utf8');
const out = [];
for (const line of input.split('\n')) {
  if (line === '') continue;
  // The range may hold tabs: the operation ends at the first tab, the version follows the last.
  const first = line.indexOf('\t');
  const last = line.lastIndexOf('\t');
  const op = line.slice(0, first);
  const a = line.slice(first + 1, last);
  const b = line.slice(last + 1);
  if (op === 'sat') {
    if (semver.validRange(a) === null || semver.valid(b) === null) {
      out.push('invalid');
    } else {
      out.push(String(semver.satisfies(b, a)));
    }
  } else if (semver.valid(a) === null || semver.valid(b) === null) {
    out.push('invalid');
  } else {
    out.push(String(semver.compare(a, b)));
  }
}
process.stdout.write(out.join('\n') + '\n');
