/**
 * The environment the language server is started with, from the client's: the same, less what
 * only costs the server time. The server opens no network connection, so it needs no extra
 * certificate authorities: Node reads and parses the bundle `NODE_EXTRA_CA_CERTS` names (set
 * behind many corporate and hospital proxies) at every start, before any of the server's code
 * runs, some 35 ms for a 220 KB bundle. One function, used by the VS Code client and by the
 * benchmark's client, so that `npm run bench` starts the server as the extension does.
 */
export function serverEnvironment(base: Readonly<Record<string, string | undefined>>, extra: Readonly<Record<string, string>> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...base, ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}
