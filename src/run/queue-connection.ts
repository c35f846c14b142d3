/**
 * @file The one way lmkg talks to Redis for the work queue: an ioredis connection with
 * `maxRetriesPerRequest: null` (BullMQ's workers block on Redis and must not give up on a command),
 * and a check that the server keeps every key (`maxmemory-policy noeviction`: an evicting server
 * would silently drop jobs). Job ids are a hash of the run folder, the cell and the plan (BullMQ
 * ids must not contain ':'); the run folder, not the queue, says what is done.
 */
import { createHash } from 'node:crypto';
import type { Redis as RedisClient } from 'ioredis';
import { InvalidOptionError, UsageError } from '../errors.js';

export interface CellJob {
  runDir: string;
  cell: string;
  /** planHash of the study the cell belongs to. */
  plan: string;
}

/** Opens a connection; checks the URL and the server's eviction policy. */
export async function openQueueConnection(url: string): Promise<RedisClient> {
  if (!/^rediss?:\/\/[^/]+/.test(url)) throw new InvalidOptionError(`--queue must be a Redis URL such as redis://127.0.0.1:6379, got "${url}"`);
  // a first connection gives up after a few tries (a wrong address is said at once); once connected,
  // a worker keeps reconnecting for as long as Redis is away
  let connected = false;
  const { Redis } = await import('ioredis');
  const connection = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true, retryStrategy: (times) => (!connected && times > 5 ? null : Math.min(200 * times, 5_000)) });
  try {
    await connection.connect();
    connected = true;
  } catch (error) {
    connection.disconnect();
    throw new UsageError(`--queue ${url}: cannot connect to Redis (${(error as Error).message}); start redis-server there, or give the address of one`, { cause: error });
  }
  const policy = /maxmemory_policy:(\S+)/.exec(await connection.info('memory'))?.[1];
  if (policy !== undefined && policy !== 'noeviction') {
    connection.disconnect();
    throw new UsageError(`--queue ${url}: the Redis server's maxmemory-policy is ${policy}; the work queue needs noeviction (redis-server --maxmemory-policy noeviction, or CONFIG SET maxmemory-policy noeviction)`);
  }
  return connection;
}

/** A job id without ':' that names one cell of one study in one run folder. */
export function cellJobId(job: CellJob): string {
  return createHash('sha256').update(`${job.runDir}\u0000${job.cell}\u0000${job.plan}`).digest('hex').slice(0, 40);
}
