import type { z } from 'zod';
import type { FaultStream, HttpRequestHead, HttpResponseHead, LinkControl, Stage, SyntheticResponse } from '../types.js';

/**
 * One kind of fault. `stream` faults act on bytes and work in TCP and HTTP mode; `http` faults need an
 * HTTP proxy and act on whole requests and responses.
 */
export interface FaultDefinition<Attributes extends object = object> {
  /** Stable name in the control API, Toxiproxy's where one exists ('latency', 'reset_peer'). */
  readonly type: string;
  /** One line for docs and errors. */
  readonly summary: string;
  readonly level: 'stream' | 'http';
  /** The streams it can act on; the first is the default. */
  readonly streams: readonly [FaultStream, ...FaultStream[]];
  /** Validates the attributes and fills in defaults; unknown attributes are refused. */
  readonly attributes: z.ZodType<Attributes>;
  /** For `stream` faults: the stage for one direction of one connection or request. */
  stage?(attributes: Attributes, link: LinkControl): Stage;
  /** For `http` faults: change the request head, or answer here so the upstream never sees it. */
  onRequest?(attributes: Attributes, request: HttpRequestHead, stream: FaultStream): SyntheticResponse | undefined;
  /** For `http` faults: change the response head in place, or return a body to send instead. */
  onResponse?(attributes: Attributes, response: HttpResponseHead, stream: FaultStream): Buffer | undefined;
}

/**
 * Declare a fault kind. An identity function that keeps the attribute types.
 *
 * @example
 * export const latency = defineFault({
 *   type: 'latency', summary: 'Delay every chunk', level: 'stream', streams: ['downstream', 'upstream'],
 *   attributes: z.strictObject({ latency: z.number().int().min(0) }),
 *   stage: (a, link) => ({ async write(chunk, push) { await sleep(a.latency, link.signal); await push(chunk); } }),
 * });
 */
export function defineFault<Attributes extends object>(definition: FaultDefinition<Attributes>): FaultDefinition<Attributes> {
  return definition;
}
