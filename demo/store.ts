/** In-memory state of the demo shop, seeded so that every documented example resolves. */

export interface User {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly email: string;
  readonly password: string;
  readonly role: 'admin' | 'writer' | 'reader';
  readonly internalNotes: string;
}

export interface Product {
  readonly id: number;
  readonly name: string;
  readonly priceCents: number;
  readonly description?: string;
}

export interface Order {
  readonly id: number;
  readonly productId: number;
  readonly quantity: number;
  readonly totalCents: number;
  readonly owner: string;
  readonly status: 'placed' | 'shipped';
}

export interface Session {
  readonly username: string;
  readonly createdAt: number;
  /** Epoch milliseconds, or null for a session that never expires. */
  readonly expiresAt: number | null;
}

/** Upper bound on created records, so a long fuzzing run cannot grow the demo without limit. */
export const maxCreatedRecords = 500;
const maxSessions = 10_000;

/** Seeded ids are the ones the spec's examples use; the demo keeps them so audits stay repeatable. */
export const seededProductIds: ReadonlySet<number> = new Set([1, 2, 3, 4, 5]);

export class ShopStore {
  readonly users: readonly User[] = [
    { id: 1, username: 'alice', displayName: 'Alice Admin', email: 'alice@shop.example', password: 'alice-pass', role: 'admin', internalNotes: 'owner; can refund' },
    { id: 2, username: 'bob', displayName: 'Bob Writer', email: 'bob@shop.example', password: 'bob-pass', role: 'writer', internalNotes: 'asked for a discount twice' },
    { id: 3, username: 'carol', displayName: 'Carol Reader', email: 'carol@shop.example', password: 'carol-pass', role: 'reader', internalNotes: 'chargeback in 2024' },
  ];

  readonly products = new Map<number, Product>([
    [1, { id: 1, name: 'Espresso cup', priceCents: 900, description: 'Porcelain, 80 ml.' }],
    [2, { id: 2, name: 'Filter paper', priceCents: 450 }],
    [3, { id: 3, name: 'Hand grinder', priceCents: 5900, description: 'Ceramic burrs.' }],
    [4, { id: 4, name: 'Kettle', priceCents: 3900 }],
    [5, { id: 5, name: 'Scale', priceCents: 2500, description: 'Reads to 0.1 g.' }],
  ]);

  readonly orders = new Map<number, Order>([
    [1, { id: 1, productId: 1, quantity: 2, totalCents: 1800, owner: 'bob', status: 'placed' }],
    [2, { id: 2, productId: 3, quantity: 1, totalCents: 5900, owner: 'alice', status: 'shipped' }],
    [3, { id: 3, productId: 2, quantity: 4, totalCents: 1800, owner: 'carol', status: 'placed' }],
  ]);

  readonly sessions = new Map<string, Session>();

  private nextProductId = 6;
  private nextOrderId = 4;

  userByName(username: string): User | undefined {
    return this.users.find((u) => u.username === username);
  }

  userById(id: number): User | undefined {
    return this.users.find((u) => u.id === id);
  }

  addProduct(input: Omit<Product, 'id'>): Product {
    const product: Product = { id: this.nextProductId++, ...input };
    this.products.set(product.id, product);
    evictOldest(this.products, seededProductIds);
    return product;
  }

  addOrder(input: Omit<Order, 'id'>): Order {
    const order: Order = { id: this.nextOrderId++, ...input };
    this.orders.set(order.id, order);
    evictOldest(this.orders, new Set([1, 2, 3]));
    return order;
  }

  addSession(id: string, session: Session): void {
    this.sessions.set(id, session);
    if (this.sessions.size > maxSessions) {
      const oldest = this.sessions.keys().next();
      if (oldest.done !== true) this.sessions.delete(oldest.value);
    }
  }
}

/** Maps iterate in insertion order, so the first non-seeded key is the oldest created record. */
function evictOldest<V>(map: Map<number, V>, keep: ReadonlySet<number>): void {
  if (map.size <= keep.size + maxCreatedRecords) return;
  for (const key of map.keys()) {
    if (!keep.has(key)) {
      map.delete(key);
      return;
    }
  }
}
