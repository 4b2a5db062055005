import net from 'node:net';
import tls from 'node:tls';
import { toTransportError } from '../../http/transport-error.js';
import type { TransportErrorCode } from '../../http/types.js';
import type { TargetAddress } from './request-bytes.js';
import { ResponseParser, type ResponseEnd } from '../../http/wire/response-parser.js';

/** What a connection tells its pool. */
export interface ConnectionOwner {
  connected(connection: Connection): void;
  /** A response ended; `request` is what `send` was given for it. */
  responded(connection: Connection, end: ResponseEnd, request: unknown): void;
  /** The connection is gone, with the request it had in flight (or null); `code` is why, when it matters. */
  lost(connection: Connection, code: TransportErrorCode | null, request: unknown): void;
}

// One read buffer per thread: a connection's bytes are parsed before the next read lands in it.
const readBuffer = Buffer.allocUnsafe(64 * 1024);

/**
 * One kept-alive HTTP/1.1 connection with at most one request in flight. Bytes are counted as they
 * arrive and never kept: the generator's memory does not grow with response sizes.
 */
export class Connection {
  private readonly socket: net.Socket;
  private readonly parser = new ResponseParser();
  private connectTimer: NodeJS.Timeout | null;
  private isGone = false;
  isConnected = false;
  /** Whatever the pool tracks for the request in flight. */
  inFlight: unknown = null;

  constructor(private readonly owner: ConnectionOwner, address: TargetAddress, connectTimeoutMs: number) {
    const onRead = (length: number, buffer: Buffer) => {
      this.read(buffer.subarray(0, length));
      return true;
    };
    if (address.isTls) {
      this.socket = tls.connect({ host: address.host, port: address.port, servername: net.isIP(address.host) ? undefined : address.host, ALPNProtocols: ['http/1.1'], rejectUnauthorized: address.isTlsVerified });
      this.socket.on('data', (chunk: Buffer) => this.read(chunk));
      this.socket.once('secureConnect', () => this.onConnect());
    } else {
      this.socket = net.connect({ host: address.host, port: address.port, noDelay: true, onread: { buffer: readBuffer, callback: onRead } });
      this.socket.once('connect', () => this.onConnect());
    }
    this.socket.setNoDelay(true);
    this.connectTimer = setTimeout(() => this.fail('TIMEOUT_CONNECT'), connectTimeoutMs);
    this.socket.on('error', (error) => this.fail(toTransportError(error, { isDeadlineExpired: false, timeoutMs: 0 }).code));
    this.socket.on('close', () => this.onClose());
  }

  send(bytes: Buffer, isHead: boolean, inFlight: unknown): void {
    this.inFlight = inFlight;
    this.parser.reset(isHead);
    this.socket.write(bytes);
  }

  /** Drop the connection; the pool hears `lost(code)` once. */
  fail(code: TransportErrorCode): void {
    if (this.isGone) return;
    this.isGone = true;
    this.clearConnectTimer();
    this.socket.destroy();
    const request = this.inFlight;
    this.inFlight = null;
    this.owner.lost(this, request !== null || !this.isConnected ? code : null, request);
  }

  close(): void {
    if (this.isGone) return;
    this.isGone = true;
    this.clearConnectTimer();
    this.socket.destroy();
  }

  private onConnect(): void {
    this.clearConnectTimer();
    this.isConnected = true;
    this.owner.connected(this);
  }

  private read(data: Buffer): void {
    let offset = 0;
    while (offset < data.length && !this.isGone) {
      if (this.inFlight === null) return this.fail('PROTOCOL_ERROR'); // bytes nobody asked for
      const end = this.parser.feed(data, offset);
      offset = this.parser.consumed;
      if (this.parser.error) return this.fail('PROTOCOL_ERROR');
      if (end) {
        const request = this.inFlight;
        this.inFlight = null;
        this.owner.responded(this, end, request);
        if (!end.isKeepAlive) this.close();
      }
    }
  }

  private onClose(): void {
    if (this.isGone) return;
    const end = this.inFlight !== null ? this.parser.finishAtClose() : null;
    if (end) {
      this.isGone = true;
      const request = this.inFlight;
      this.inFlight = null;
      this.owner.responded(this, end, request);
      this.owner.lost(this, null, null);
      return;
    }
    // Closed with a request in flight and no complete response: the peer cut it off.
    this.fail('CONNECTION_RESET');
  }

  private clearConnectTimer(): void {
    if (this.connectTimer) clearTimeout(this.connectTimer);
    this.connectTimer = null;
  }
}
