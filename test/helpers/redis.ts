/** @file The throwaway redis-server now lives in src/run/local-redis.ts (lmkg/internal), which bench/ uses too. */
export * from '../../src/run/local-redis.js';
