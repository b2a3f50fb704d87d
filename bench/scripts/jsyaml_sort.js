// The scripted alternative: load a timeline with js-yaml and sort its events by date.
const fs = require('fs');
const yaml = require('js-yaml');
const doc = yaml.load(fs.readFileSync(process.argv[2], 'utf8'));
const key = (e) => (typeof e.date === 'object' && e.date !== null ? String(e.date.on || '') : String(e.date));
doc.events.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
console.log(doc.events.length + ' events');
