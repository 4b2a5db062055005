import { describe, expect, it } from 'vitest';
import { findLeak } from './stack-trace-patterns.js';

const nodeError = new Error('boom');

describe('findLeak', () => {
  it.each([
    ['Node.js stack trace', nodeError.stack ?? ''],
    ['Node.js stack trace', JSON.stringify({ error: 'boom', stack: 'RangeError: x\n    at priceOrder (file:///srv/app/routes/orders.ts:22:11)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)' })],
    ['Node.js stack trace', 'Error: x\n    at /srv/app/index.js:12:5'],
    ['Node.js stack trace', JSON.stringify({ stack: 'Error\n    at Object.<anonymous> (C:\\app\\server.js:3:9)' })],
    ['Python traceback', 'Traceback (most recent call last):\n  File "/app/main.py", line 3, in <module>\nKeyError: 1'],
    ['Python traceback', JSON.stringify({ detail: '  File "/app/views.py", line 41, in get_user' })],
    ['Java stack trace', 'java.lang.NullPointerException\n\tat com.shop.OrderService.price(OrderService.java:42)\n\tat java.base/java.lang.Thread.run(Thread.java:829)'],
    ['Java stack trace', JSON.stringify({ message: 'Exception in thread "main" java.lang.IllegalStateException' })],
    ['.NET stack trace', 'System.NullReferenceException: Object reference not set\n   at Shop.Orders.Price(Int32 q) in C:\\src\\Orders.cs:line 42'],
    ['.NET stack trace', '--- End of stack trace from previous location ---'],
    ['PHP stack trace', JSON.stringify({ error: "PDOException: no\nStack trace:\n#0 /var/www/db.php(12): PDO->query('SELECT')" })],
    ['PHP stack trace', 'PHP Fatal error:  Uncaught Exception: no\r\nStack trace:\r\n#0 {main}'],
    ['PHP error', '<b>Warning</b>: Undefined variable $x in <b>/var/www/index.php</b> on line <b>7</b>'],
    ['Go panic', 'panic: runtime error: index out of range\n\ngoroutine 1 [running]:\nmain.main()'],
    ['Go panic', '\t/home/app/main.go:12 +0x1d'],
    ['Ruby backtrace', "app/models/order.rb:12:in `price'"],
    ['SQL error', "SQLSTATE[42000]: Syntax error or access violation: 1064"],
    ['Oracle error', 'ORA-00933: SQL command not properly ended'],
    ['SQL error', JSON.stringify({ message: 'syntax error at or near "FROM"' })],
    ['SQL error', "You have an error in your SQL syntax; check the manual"],
    ['SQL error', "SQLITE_ERROR: no such table: users"],
    ['SQL error', 'duplicate key value violates unique constraint "users_email_key"'],
    ['JavaScript runtime error', JSON.stringify("Cannot read properties of undefined (reading 'userId')")],
    ['JavaScript runtime error', JSON.stringify({ message: "Cannot read property 'id' of null" })],
    ['JavaScript runtime error', JSON.stringify({ error: 'TypeError: hash.match is not a function' })],
    ['Python runtime error', JSON.stringify({ detail: "AttributeError: 'NoneType' object has no attribute 'id'" })],
    ['Java exception', JSON.stringify({ message: 'java.lang.NullPointerException: Cannot invoke "User.getId()"' })],
  ])('recognises a %s', (label, body) => {
    expect(findLeak(body)?.label).toBe(label);
  });

  it.each([
    JSON.stringify({ id: 1, name: 'Espresso cup', priceCents: 900, note: 'meet at noon (see page 12:30)' }),
    JSON.stringify({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'quantity must be at least 1 (got -1)' }),
    JSON.stringify({ error: 'Internal Server Error', requestId: 'ORA-12345', sqlState: '23505' }),
    JSON.stringify({ message: 'Traceback is a word', file: 'report.py', line: 3, at: '12:30:00' }),
    JSON.stringify({ items: [{ time: '2024-01-01T12:30:45Z', location: 'at home (kitchen)' }] }),
    JSON.stringify({ error: 'syntax error in query string', hint: 'use q=name' }),
    'ERROR: bad userId',
    '<html><body><h1>404 Not Found</h1><hr><center>nginx/1.18.0</center></body></html>',
    JSON.stringify({ events: ['Error at step 3', 'goroutine count: 12', 'Stack trace: disabled'] }),
    JSON.stringify({ message: 'Cannot read the file you sent: it is empty', hint: 'the callback is not a function name we know' }),
  ])('finds nothing in an ordinary body (%#)', (body) => {
    expect(findLeak(body)).toBeUndefined();
  });
});
