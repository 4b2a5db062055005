import { describe, expect, it } from 'vitest';
import { MethodTable } from './method-table.js';

describe('MethodTable', () => {
  it('lists the methods served at a concrete path, merging routes with the same pattern', () => {
    const table = new MethodTable();
    table.add('/products/:id', ['GET', 'HEAD']);
    table.add('/products/:id', 'DELETE');
    table.add('/products/:id/stock', 'GET');
    expect(table.allowed('/products/7')).toEqual(['DELETE', 'GET', 'HEAD']);
    expect(table.allowed('/products/7/stock')).toEqual(['GET']);
  });

  it('knows nothing of unknown paths and ignores wildcard routes', () => {
    const table = new MethodTable();
    table.add('*', 'OPTIONS');
    table.add('/.env', 'GET');
    expect(table.allowed('/categories')).toEqual([]);
    expect(table.allowed('/xenv')).toEqual([]);
    expect(table.allowed('/.env')).toEqual(['GET']);
  });
});
