/**
 * One webhook POST over node:http(s) rather than fetch, for two reasons: redirects are never
 * followed, and the address a subscriber's host name resolves to is checked at connect time, so a
 * key holder cannot point Shekara at the server's own network (by an address, or by a name that
 * resolves to one, even one that resolved elsewhere when it was registered) unless the
 * administrator allows private addresses.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import ipaddr from "ipaddr.js";

const IPV4_COMPATIBLE = ipaddr.parseCIDR("::/96") as [ipaddr.IPv6, number];

/**
 * Whether an address is anything but an ordinary public unicast address, by ipaddr.js's table of
 * special-purpose blocks (RFC 6890 and its IANA registries: private, loopback, link-local,
 * carrier-grade NAT, benchmarking 198.18.0.0/15, multicast, reserved 240.0.0.0/4, broadcast,
 * documentation, unique-local, ...). An IPv4-mapped IPv6 address is judged by its IPv4 address;
 * the translation forms that carry an IPv4 address elsewhere (NAT64 64:ff9b::/96 and /48, 6to4
 * 2002::/16, Teredo) are refused outright, as a subscriber on the internet needs none of them.
 */
export function isPrivateAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6") {
    const v6 = ip as ipaddr.IPv6;
    // ::/96, the deprecated IPv4-compatible form ([::127.0.0.1] is written [::7f00:1]): not in
    // the library's table, and never a subscriber's address
    if (v6.match(IPV4_COMPATIBLE)) return true;
    if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().range() !== "unicast";
  }
  return ip.range() !== "unicast";
}

/** For the subscription form: a literal special-purpose address or a localhost name, refused before the first delivery. */
export function isPrivateHost(url: URL): boolean {
  // "localhost." is localhost: a trailing dot only makes the name fully qualified
  const host = url.hostname
    .replace(/^\[|\]$/g, "")
    .replace(/\.+$/, "")
    .toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || isPrivateAddress(host);
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

type Resolve = (
  hostname: string,
  options: LookupOptions & { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** A lookup that refuses a name resolving to a special-purpose address: checked where the connection is made (DNS rebinding). */
export const guardedLookupWith =
  (resolve: Resolve, refusePrivate = true) =>
  (hostname: string, options: LookupOptions, callback: LookupCallback) =>
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "");
      const refused = refusePrivate && addresses.find((a) => isPrivateAddress(a.address));
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

export const guardedLookup = guardedLookupWith(dnsLookup as Resolve);
export type { Resolve };

export interface SendOptions {
  timeoutMs: number;
  signal: AbortSignal;
  allowPrivate: boolean;
  /** the name resolver (tests give one that answers loopback addresses without DNS) */
  resolve?: Resolve;
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
        // why (as never): node's typing of lookup is narrower than what it calls
        lookup: guardedLookupWith(opts.resolve ?? (dnsLookup as Resolve), !opts.allowPrivate) as never,
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
