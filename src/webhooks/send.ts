/**
 * One webhook POST over node:http(s) rather than fetch, for two reasons: redirects are never
 * followed, and the address a subscriber's host name resolves to is checked at connect time, so a
 * key holder cannot point Shekara at the server's own network (by an address, or by a name that
 * resolves to one) unless the administrator allows private addresses.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { BlockList, isIP } from "node:net";

const PRIVATE = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const) {
  PRIVATE.addSubnet(net, bits, "ipv4");
}
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
] as const) {
  PRIVATE.addSubnet(net, bits, "ipv6");
}

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, "ipv4");
  const family = isIP(address);
  if (family === 0) return false;
  return PRIVATE.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** For the subscription form: a literal private address or localhost, caught before the first delivery. */
export function isPrivateHost(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || isPrivateAddress(host);
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

export function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback) {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "");
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused) {
      return callback(
        Object.assign(new Error(`${hostname} resolves to the private address ${refused.address}`), {
          code: "EPRIVATE",
        }),
        "",
      );
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    return first
      ? callback(null, first.address, first.family)
      : callback(new Error(`${hostname} has no address`), "");
  });
}

export interface SendOptions {
  timeoutMs: number;
  signal: AbortSignal;
  allowPrivate: boolean;
}

/** Resolves to the subscriber's status code; rejects on a network error, a timeout or a refused address. */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  opts: SendOptions,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    if (!opts.allowPrivate && isPrivateHost(target)) {
      return reject(new Error(`${target.hostname} is a private address; deliveries there are not allowed`));
    }
    const request = target.protocol === "https:" ? httpsRequest : httpRequest;
    const req = request(
      target,
      {
        method: "POST",
        headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
        timeout: opts.timeoutMs,
        signal: opts.signal,
        ...(opts.allowPrivate ? {} : { lookup: guardedLookup as never }), // why: node's typing of lookup is narrower than what it calls
      },
      (res) => {
        res.resume(); // the answer's body is not needed, only its status
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer in ${opts.timeoutMs} ms`)));
    req.on("error", reject);
    req.end(body);
  });
}
