import { faultDefinition } from './faults/registry.js';
import type { Pipeline } from './pipeline.js';
import type { Fault, LinkControl, ProxyMode, ProxyTraffic } from './types.js';

/** A connection (TCP) or request (HTTP) in flight, as the proxy tells it about fault changes. */
export interface ActiveLink {
  /** `order` ranks the fault among the others: stages act in the order their faults were added. */
  faultAdded(fault: Fault, order: number): void;
  faultRemoved(name: string): void;
  destroy(): void;
}

/** What a link needs from its proxy. */
export interface LinkHost {
  readonly name: string;
  readonly mode: ProxyMode;
  /** The faults in the order they act, each with its rank. */
  faults(): readonly { readonly fault: Fault; readonly order: number }[];
  count(counter: keyof ProxyTraffic, amount?: number): void;
  register(link: ActiveLink): void;
  unregister(link: ActiveLink): void;
}

/** True for the share `toxicity` of the calls: each connection or request rolls once per fault. */
export function rolls(fault: Fault): boolean {
  return fault.toxicity >= 1 || Math.random() < fault.toxicity;
}

/** Put a stream fault's stage into the pipeline of its direction, at the fault's rank. */
export function attachStage(fault: Fault, order: number, link: LinkControl, pipelines: { upstream: Pipeline; downstream: Pipeline }): void {
  const stage = faultDefinition(fault.type)?.stage?.(fault.attributes, link);
  if (stage) pipelines[fault.stream].add(fault.name, stage, order);
}

// One shared reason: abort() without one builds a DOMException (and its stack) on every call.
const linkClosedReason = new Error('link closed');

/**
 * A link's abort signal, made only when a stage asks for it: most connections and requests carry no
 * fault, and an AbortController per request is a measurable share of the proxy's CPU.
 */
export class LazyAbort {
  private controller: AbortController | undefined;
  private isAbortedFlag = false;

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.isAbortedFlag) this.controller.abort(linkClosedReason);
    }
    return this.controller.signal;
  }

  get isAborted(): boolean {
    return this.isAbortedFlag;
  }

  abort(): void {
    if (this.isAbortedFlag) return;
    this.isAbortedFlag = true;
    this.controller?.abort(linkClosedReason);
  }
}
