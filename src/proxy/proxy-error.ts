import { FaultlineError } from '../core/errors.js';

/**
 * A refused control request, with the HTTP status the control API answers it with: 400 for bad input,
 * 404 for an unknown proxy or fault, 409 for a name already taken.
 */
export class ProxyRequestError extends FaultlineError {
  constructor(
    readonly status: 400 | 404 | 405 | 409 | 413 | 415,
    message: string,
    field?: string,
  ) {
    super('E_USAGE', message, field ? { location: { field } } : {});
    this.name = 'ProxyRequestError';
  }
}
