import type { InventoryClient } from './inventory.js';
import type { FixedWindowLimiter } from './rate-limit.js';
import type { SlowQueue } from './slow-queue.js';
import type { ShopStore } from './store.js';

/** What every route group of the shop shares. */
export interface ShopContext {
  readonly store: ShopStore;
  readonly inventory: InventoryClient;
  readonly slowQueue: SlowQueue;
  readonly loginLimiter: FixedWindowLimiter;
}
