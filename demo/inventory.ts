import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StockLevel {
  readonly productId: number;
  readonly available: number;
}

export interface InventoryService {
  readonly url: string;
  close(): Promise<void>;
}

const seededStock: ReadonlyMap<number, number> = new Map([
  [1, 12],
  [2, 0],
  [3, 3],
  [4, 7],
  [5, 25],
]);

/**
 * The shop's one dependency: a tiny stock service, `GET /stock/:productId` → `{ productId, available }`.
 * Products it does not know have nothing in stock. Listens on 127.0.0.1 only.
 */
export async function startInventory(options: { port?: number } = {}): Promise<InventoryService> {
  const server = createServer(function inventoryHandler(request, response) {
    const match = /^\/stock\/(\d{1,9})$/.exec((request.url ?? '').split('?')[0] ?? '');
    response.setHeader('Content-Type', 'application/json');
    if (request.method !== 'GET' || match?.[1] === undefined) {
      response.statusCode = 404;
      response.end(JSON.stringify({ error: 'not found' }));
      return;
    }
    const productId = Number(match[1]);
    const level: StockLevel = { productId, available: seededStock.get(productId) ?? 0 };
    response.end(JSON.stringify(level));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export class InventoryError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'InventoryError';
  }
}

/**
 * Calls the inventory. Every call is tied to `closeSignal`, so closing the shop aborts calls that
 * would otherwise hang forever; `timeoutMs` is the per-call budget (undefined = none at all).
 */
export class InventoryClient {
  private readonly inFlight = new Set<AbortController>();

  constructor(private readonly baseUrl: string) {}

  async stock(productId: number, timeoutMs?: number): Promise<StockLevel> {
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => controller.abort(new InventoryError('inventory timed out', null)), timeoutMs);
    try {
      const response = await fetch(`${this.baseUrl}/stock/${productId}`, { signal: controller.signal });
      const text = await response.text();
      if (!response.ok) throw new InventoryError(`inventory answered ${response.status}`, response.status);
      const body = JSON.parse(text) as Partial<StockLevel>;
      if (typeof body.available !== 'number') throw new InventoryError('inventory answered without a stock level', response.status);
      return { productId, available: body.available };
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    }
  }

  /** Aborts every call still waiting on the inventory. */
  abortAll(): void {
    for (const controller of this.inFlight) controller.abort(new InventoryError('shop is closing', null));
    this.inFlight.clear();
  }
}
