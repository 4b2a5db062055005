// Writes a HAR of N entries (default 100,000) as an API's traffic: orders by integer id, users by UUID and
// by one of 20,000 usernames, a paged and filtered product listing, order creation with a JSON body, and a
// bearer token on every request. Bodies are 0.3 to 1.5 KB. Streamed, so the generator stays small too.
import { createWriteStream } from 'node:fs';
import { randomUUID } from 'node:crypto';

export async function makeHar(file, entries = 100_000) {
  const out = createWriteStream(file);
  const write = (text) => (out.write(text) ? Promise.resolve() : new Promise((resolve) => out.once('drain', resolve)));
  const base = 'http://127.0.0.1:3000';
  const auth = { name: 'Authorization', value: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJiZW5jaCJ9.YmVuY2gtc2lnbmF0dXJlLXNlY3JldA' };
  const json = { name: 'Content-Type', value: 'application/json' };
  const statuses = ['placed', 'paid', 'shipped', 'cancelled'];
  const order = (id) => ({ id, status: statuses[id % 4], createdAt: new Date(1_700_000_000_000 + id * 60_000).toISOString(), customer: { email: `c${id % 997}@example.org`, name: `Customer ${id % 997}` }, items: Array.from({ length: 1 + (id % 5) }, (_, i) => ({ sku: `SKU-${(id + i) % 300}`, quantity: 1 + i, priceCents: 150 * (i + 1) })), coupon: id % 3 ? null : 'SPRING', note: 'x'.repeat(id % 200) });
  const entry = (i) => {
    const kind = i % 6;
    if (kind === 0) return [`GET`, `/orders/${1 + (i % 50_000)}`, 200, order(1 + (i % 50_000))];
    if (kind === 1) return [`GET`, `/users/${randomUUID()}`, i % 50 ? 200 : 404, i % 50 ? { id: randomUUID(), username: `user${i % 20_000}`, email: `u${i % 20_000}@example.org` } : { error: 'not found' }];
    if (kind === 2) return [`GET`, `/people/user${i % 20_000}`, 200, { username: `user${i % 20_000}`, displayName: `User ${i}`, joined: '2024-01-01' }];
    if (kind === 3) return [`GET`, `/products?page=${1 + (i % 40)}${i % 4 ? '' : '&q=cup'}`, 200, { items: Array.from({ length: 5 }, (_, k) => ({ id: k + i % 300, name: `Product ${k}`, priceCents: 99 * (k + 1), tags: ['kitchen', 'sale'].slice(0, 1 + (k % 2)) })), page: 1 + (i % 40) }];
    if (kind === 4) return [`POST`, `/orders`, i % 20 ? 201 : 400, i % 20 ? order(100_000 + i) : { error: 'quantity must be positive' }, { productId: i % 300, quantity: 1 + (i % 4) }];
    return [`GET`, `/orders/${1 + (i % 50_000)}/invoice`, 200, { orderId: 1 + (i % 50_000), totalCents: 1000 + i % 5000, issuedAt: '2024-05-01T10:00:00Z', url: `https://shop.example/invoices/${i}` }];
  };
  await write('{"log":{"version":"1.2","creator":{"name":"bench","version":"1"},"entries":[\n');
  for (let i = 0; i < entries; i++) {
    const [method, path, status, body, requestBody] = entry(i);
    const harEntry = {
      startedDateTime: new Date(1_700_000_000_000 + i).toISOString(),
      time: 3,
      request: { method, url: base + path, httpVersion: 'HTTP/1.1', headers: [auth, ...(requestBody ? [json] : [])], queryString: [], cookies: [], headersSize: -1, bodySize: -1, ...(requestBody ? { postData: { mimeType: 'application/json', text: JSON.stringify(requestBody) } } : {}) },
      response: { status, statusText: '', httpVersion: 'HTTP/1.1', headers: [json], cookies: [], content: { size: -1, mimeType: 'application/json', text: JSON.stringify(body) }, redirectURL: '', headersSize: -1, bodySize: -1 },
      cache: {},
      timings: { send: 0, wait: 3, receive: 0 },
    };
    await write(`${i ? ',\n' : ''}${JSON.stringify(harEntry)}`);
  }
  await write('\n]}}\n');
  await new Promise((resolve) => out.end(resolve));
}
