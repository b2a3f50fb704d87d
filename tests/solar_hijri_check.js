// Cross-checks annals' Solar Hijri table against jalaali-js (npm), day by day.
//
//   npm install jalaali-js && node tests/solar_hijri_check.js
//
// tests/solar_hijri_test.cpp embeds, for each Solar Hijri year 1300..1501, the March day
// of 1 Farvardin (one digit: 0 = 20 March, 1 = 21, 2 = 22). From it every day of
// 1300..1500 follows (months of 31 x 6, 30 x 5, Esfand 29 or 30), and the C++ test checks
// annals' conversion of each of those days. This script checks the other half: that the
// table, so expanded, agrees with jalaali-js for every day of 1300..1500 (73,000 days).
'use strict';
const fs = require('fs');
const path = require('path');
const jalaali = require('jalaali-js');

const source = fs.readFileSync(path.join(__dirname, 'solar_hijri_test.cpp'), 'utf8');
const match = source.match(/nowruz_march_days =\s*((?:"[0-9]*"\s*)+);/);
if (!match) throw new Error('table not found in solar_hijri_test.cpp');
const table = match[1].replace(/[\s"]/g, '');
const first = 1300;

function nowruz(jy) { return Date.UTC(jy + 621, 2, 20 + Number(table[jy - first])); }

let days = 0;
let failures = 0;
for (let jy = first; jy <= 1500; ++jy) {
  const length = (nowruz(jy + 1) - nowruz(jy)) / 86400000;
  for (let m = 1; m <= 12; ++m) {
    const monthLength = m <= 6 ? 31 : m <= 11 ? 30 : length - 336;
    if (jalaali.jalaaliMonthLength(jy, m) !== monthLength) {
      console.log(`month ${jy}-${m}: jalaali-js ${jalaali.jalaaliMonthLength(jy, m)} days, table ${monthLength}`);
      ++failures;
    }
    for (let d = 1; d <= monthLength; ++d) {
      const offset = (m <= 7 ? (m - 1) * 31 : 186 + (m - 7) * 30) + d - 1;
      const expected = new Date(nowruz(jy) + offset * 86400000);
      const g = jalaali.toGregorian(jy, m, d);
      ++days;
      if (g.gy !== expected.getUTCFullYear() || g.gm !== expected.getUTCMonth() + 1 || g.gd !== expected.getUTCDate()) {
        if (++failures < 20) console.log(`${jy}-${m}-${d}: jalaali-js ${g.gy}-${g.gm}-${g.gd}, table ${expected.toISOString().slice(0, 10)}`);
      }
    }
  }
}
console.log(`${days} days of 1300..1500 checked, ${failures} disagreements`);
process.exit(failures === 0 ? 0 : 1);
