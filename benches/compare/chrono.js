// Times chrono-node's parser on JSON Lines of {"text", "dct"?}: one warm-up pass, then one timed
// pass. Prints {"seconds", "bytes", "found"} as JSON. Usage: node chrono.js DOCS.jsonl
"use strict";
const fs = require("fs");
const chrono = require("chrono-node");

const docs = fs
  .readFileSync(process.argv[2], "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l))
  .map((d) => ({ text: d.text, ref: d.dct ? new Date(d.dct + "T12:00:00Z") : new Date() }));

const pass = () => docs.reduce((n, d) => n + chrono.parse(d.text, d.ref).length, 0);
pass(); // warm-up: the JIT compiles the parsers on the first pass
const start = process.hrtime.bigint();
const found = pass();
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text, "utf8"), 0);
console.log(JSON.stringify({ seconds, bytes, found }));
