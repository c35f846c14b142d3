/**
 * @file A real HTTP server on 127.0.0.1 for download tests. It serves one body, honours
 * `Range: bytes=N-`, records every request, and can cut the connection part-way.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedFile {
  body: Buffer;
  /** Cut the connection after this many bytes on the first N requests (see cutRequests). */
  cutAfter?: number;
  cutRequests?: number;
  /** Answer every request with this status (e.g. 404, 503). */
  status?: number;
}

export interface TestServer {
  url: string;
  requests: IncomingHttpHeaders[];
  close(): Promise<void>;
}

export async function serveFile(file: ServedFile): Promise<TestServer> {
  const requests: IncomingHttpHeaders[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request.headers);
    if (file.status !== undefined) {
      response.writeHead(file.status).end('error');
      return;
    }
    const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    const slice = file.body.subarray(start);
    const headers = { 'content-length': String(slice.length), 'content-type': 'application/zip', 'accept-ranges': 'bytes' };
    if (range) response.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${file.body.length - 1}/${file.body.length}` });
    else response.writeHead(200, headers);
    const cut = file.cutAfter !== undefined && requests.length <= (file.cutRequests ?? 1);
    if (cut) {
      response.write(slice.subarray(0, file.cutAfter), () => setTimeout(() => request.socket.destroy(), 20));
    } else {
      response.end(slice);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/LAMA/data.zip`,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
