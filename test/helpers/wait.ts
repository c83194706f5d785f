/** Waiting in the browser tests that start servers of their own (the admin tests). */
import { createConnection } from 'node:net';
import { WAIT_MS } from './time-budget.ts';

/** Whether something listens on 127.0.0.1:port. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** Polls `condition` every 100 ms; fails naming `what` after `timeout` (a generous budget, see time-budget.ts). */
export async function waitFor(condition: () => Promise<boolean> | boolean, what: string, timeout = WAIT_MS) {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
