// Readability.js + jsdom side-by-side timing: parse (new JSDOM) + extract (new Readability().parse()) per page.
// Usage: node bench.js DIR [--limit N]   (same file selection as gloss-bench-extract: *.html(.gz) sorted, no expected.html)
const fs = require('fs'), path = require('path'), zlib = require('zlib');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');
const args = process.argv.slice(2);
let dir = null, limit = -1;
for (let i = 0; i < args.length; i++) { if (args[i] === '--limit') limit = +args[++i]; else dir = args[i]; }
function walk(d) { let out = []; for (const e of fs.readdirSync(d, { withFileTypes: true })) {
  const p = path.join(d, e.name); if (e.isDirectory()) out = out.concat(walk(p)); else out.push(p); } return out; }
// Sort like QStringList::sort (code-unit order) to pick the same pages.
let files = walk(dir).filter(p => /\.(html?|html?\.gz)$/.test(p) && !p.endsWith('/expected.html')).sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
if (limit >= 0) files = files.slice(0, limit);
const pages = files.map(f => { let b = fs.readFileSync(f); if (b[0] === 0x1f && b[1] === 0x8b) b = zlib.gunzipSync(b); return [f, b]; });
const vc = new VirtualConsole(); // silence CSS/script errors
const times = [], cpu = []; let failed = 0;
const wall0 = process.hrtime.bigint();
for (const [f, bytes] of pages) {
  const t0 = process.hrtime.bigint(); const c0 = process.cpuUsage();
  try {
    // A Buffer lets jsdom sniff the encoding (BOM, meta charset) like a browser would.
    const dom = new JSDOM(bytes, { url: 'https://example.com/' + path.basename(f), virtualConsole: vc });
    const art = new Readability(dom.window.document).parse();
    if (!art) failed++;
    dom.window.close();
  } catch (e) { failed++; }
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  const c = process.cpuUsage(c0); cpu.push((c.user + c.system) / 1000);
}
const total = times.reduce((a, b) => a + b, 0);
const sorted = times.slice().sort((a, b) => a - b);
console.log(`pages: ${pages.length} (${failed} failed/null)`);
console.log(`readability.js+jsdom (wall): ${(pages.length / (total / 1000)).toFixed(2)} pages/s, mean ${(total / pages.length).toFixed(1)} ms, median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms`);
const ctotal = cpu.reduce((a, b) => a + b, 0);
console.log(`readability.js+jsdom (process CPU time): ${(pages.length / (ctotal / 1000)).toFixed(2)} pages/s, mean ${(ctotal / pages.length).toFixed(1)} ms`);
console.log(`wall ${(Number(process.hrtime.bigint() - wall0) / 1e9).toFixed(1)} s`);
