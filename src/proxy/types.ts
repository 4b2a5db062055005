/** Which way a fault acts: `upstream` on client → dependency bytes, `downstream` on dependency → client. */
export type FaultStream = 'upstream' | 'downstream';

/** `tcp` pipes bytes of any protocol; `http` parses requests, so faults can match paths and change statuses. */
export type ProxyMode = 'http' | 'tcp';

/** A slice of one direction's traffic. In HTTP mode the message head travels first, as a chunk of its own. */
export interface Chunk {
  readonly data: Buffer;
  /** `performance.now()` when the proxy read it: delays count from here, so they do not pile up. */
  readonly arrivedAt: number;
  /** An HTTP message head (no bytes of its own). Byte-counting faults let it through untouched. */
  readonly isHead?: boolean;
}

/** Hands a chunk to the next stage (or the socket); resolves once it may take more. */
export type Push = (chunk: Chunk) => Promise<void>;

/** One fault acting on one direction of one TCP connection, or of one HTTP request/response. */
export interface Stage {
  /** Pass the chunk on with `push` (zero, one or several times, now or later). */
  write(chunk: Chunk, push: Push): Promise<void>;
  /** The source ended; resolve when the end may pass on. */
  end?(): Promise<void>;
  /** The fault was removed or the connection closed: stop timers, let held data go. */
  dispose?(): void;
}

/** What a stage may do to the connection it acts on. */
export interface LinkControl {
  /** Tear the client connection down with a TCP RST, as a crashed peer does. */
  reset(): void;
  /** Close the connection (FIN) once what was written is flushed. */
  close(): void;
  /** Aborted once the link is gone, so pending waits end. */
  readonly signal: AbortSignal;
  /** In `http` mode a dropped chunk is a lost message part that nothing can make good. */
  readonly mode: ProxyMode;
}

export type HeaderValue = string | string[];

/** An HTTP request head as the proxy forwards it (header names lower-case). */
export interface HttpRequestHead {
  readonly method: string;
  /** Path and query, as the client sent them. */
  readonly path: string;
  headers: Record<string, HeaderValue>;
}

/** An HTTP response head as the proxy sends it on (header names lower-case). */
export interface HttpResponseHead {
  status: number;
  headers: Record<string, HeaderValue>;
}

/** A response the proxy makes up instead of (or in place of) the upstream's. */
export interface SyntheticResponse {
  readonly status: number;
  readonly headers: Record<string, HeaderValue>;
  readonly body: Buffer;
}

/** Limits an HTTP-level fault to some requests. Paths may use `*` for any run of characters. */
export interface FaultMatch {
  readonly method?: string;
  readonly path?: string;
}

/** A fault as a client asks for it (control API, CLI flag, audit). Validated by `parseFaultInput`. */
export interface FaultInput {
  readonly name?: string;
  readonly type: string;
  readonly stream?: FaultStream;
  /** Share of connections (TCP) or requests (HTTP) it applies to, 0..1. Default 1. */
  readonly toxicity?: number;
  readonly attributes?: Readonly<Record<string, unknown>>;
  readonly match?: FaultMatch;
}

/** A validated fault, as the proxy holds and lists it. */
export interface Fault {
  readonly name: string;
  readonly type: string;
  readonly stream: FaultStream;
  readonly toxicity: number;
  /** The attributes with their defaults filled in. */
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly match?: FaultMatch;
}

/** Changes to a fault; attributes are merged into the current ones. */
export interface FaultPatch {
  readonly stream?: FaultStream;
  readonly toxicity?: number;
  readonly attributes?: Readonly<Record<string, unknown>>;
  readonly match?: FaultMatch | null;
}

/** What went through a proxy since it started. */
export interface ProxyTraffic {
  /** Client connections accepted. */
  readonly connections: number;
  /** HTTP requests received (always 0 in TCP mode). */
  readonly requests: number;
  readonly bytesFromClients: number;
  readonly bytesFromUpstream: number;
}

/** A proxy as the control API shows it. */
export interface ProxyState {
  readonly name: string;
  /** The address it listens on (the real port when 0 was asked). */
  readonly listen: string;
  readonly upstream: string;
  readonly mode: ProxyMode;
  readonly enabled: boolean;
  readonly faults: readonly Fault[];
  readonly traffic: ProxyTraffic;
}
