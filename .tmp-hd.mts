import { pagesDev } from './tests/helpers/pages-dev.ts';
const s = await pagesDev('/tmp/hd');
for (const p of ['/', '/admin/', '/nope/']) {
  const r = await fetch(s.origin + p);
  console.log(p, r.status, r.headers.get('content-security-policy'), '|', r.headers.get('cross-origin-opener-policy'));
}
await s.close();
