/** @file Network checks for the serve tests: is a port reachable on an address other than 127.0.0.1? */
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';

/** Whether a TCP connection to host:port is accepted. */
export function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Addresses of this machine other than 127.0.0.1 (127.0.0.2 and ::1 are always there on Linux). */
export function otherAddresses(): string[] {
  const external = Object.values(networkInterfaces()).flat().filter((a) => a && !a.internal && a.family === 'IPv4').map((a) => a!.address);
  return ['127.0.0.2', '::1', ...external];
}
