/**
 * @file A worker thread of the parse pool (parse-pool.ts): loads the parser once, then parses the
 * batches of sentences it is sent and posts the parses back. Importing this module elsewhere than
 * in a worker thread does nothing.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadNlp, type LoadNlpOptions } from '../nlp/index.js';

if (!isMainThread && parentPort && (workerData as { lmkgParseThread?: boolean } | null)?.lmkgParseThread) {
  const port = parentPort;
  const nlp = await loadNlp({ typeEntities: false, ...(workerData as { nlp: LoadNlpOptions }).nlp });
  port.on('message', (message: { id: number; texts: string[] }) => {
    port.postMessage({ id: message.id, parsed: message.texts.map((text) => nlp.parse(text)) });
  });
  port.postMessage({ ready: true });
}
