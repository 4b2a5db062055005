import type { DemoCredential } from './tokens.js';

/**
 * What a client of the shop does in a few minutes: browse the catalogue, read stock, place and read
 * orders, look at its profile, sign in and out with a password, an administrator looks at the stats.
 * `faultline learn` is tested on this traffic, recorded through its proxy; nothing here knows the spec.
 */
export async function browseDemo(base: string, credentials: readonly DemoCredential[]): Promise<number> {
  const role = (name: string) => credentials.find((c) => c.name === name)!.headers;
  const reader = role('reader');
  const writer = role('writer');
  const admin = role('admin');
  let requests = 0;
  const call = async (method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<{ status: number; json: unknown; cookie: string | null }> => {
    requests += 1;
    const response = await fetch(`${base}${path}`, {
      method,
      redirect: 'manual',
      headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, json, cookie: response.headers.get('set-cookie') };
  };
  await call('GET', '/healthz');
  await call('GET', '/products');
  const products = ((await call('GET', '/products?limit=10', reader)).json as { items: { id: number }[] }).items;
  await call('GET', '/products?limit=2', reader);
  for (const q of ['cup', 'jug', 'tea']) await call('GET', `/products/search?q=${q}`, reader);
  for (const { id } of products) {
    await call('GET', `/products/${id}`, reader);
    await call('GET', `/products/${id}/stock`, reader);
    await call('GET', `/products/${id}/availability`, reader);
  }
  await call('GET', '/products/9999', reader);
  const created = (await call('POST', '/products', writer, { name: 'Milk jug', priceCents: 1500, description: 'Stainless steel, 350 ml.' })).json as { id: number };
  await call('PUT', `/products/${created.id}`, writer, { name: 'Milk jug', priceCents: 1400, description: 'Stainless steel, 350 ml.' });
  await call('DELETE', `/products/${created.id}`, admin);
  await call('GET', '/categories', reader);
  await call('GET', '/coupons', reader);
  await call('GET', '/v1/products', reader);
  await call('GET', '/orders');
  await call('GET', '/orders', writer);
  for (const [productId, quantity] of [[1, 2], [2, 1], [3, 4]] as const) {
    const order = (await call('POST', '/orders', writer, { productId, quantity })).json as { id: number };
    await call('GET', `/orders/${order.id}`, writer);
    await call('GET', `/orders/${order.id}/invoice`, writer);
  }
  await call('GET', '/v1/orders', writer);
  const me = (await call('GET', '/users/me', reader)).json as { id: string | number };
  await call('GET', `/users/${me.id}`, reader);
  await call('GET', '/profile', reader);
  await call('GET', '/admin/stats', admin);
  await call('GET', '/admin/users', admin);
  await call('GET', '/admin/stats', reader);
  await call('GET', '/legacy/getUserById?userId=1&includeOrders=true', reader);
  await call('POST', '/login', {}, { username: 'bob', password: 'wrong' });
  const login = await call('POST', '/login', {}, { username: 'bob', password: 'bob-pass' });
  const cookie = login.cookie?.split(';')[0] ?? '';
  await call('GET', '/session', { cookie });
  await call('POST', '/logout', { cookie });
  await call('GET', '/session', { cookie });
  await call('GET', '/docs/current');
  await call('GET', '/docs/v2');
  return requests;
}
