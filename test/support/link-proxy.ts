/**
 * A TCP proxy on loopback between a browser and a server, whose link can be cut and restored: what
 * a phone's signal does in the steppe. Cutting closes every open connection and refuses new ones,
 * so service workers and pages alike find no network, whatever the browser's own offline switch does.
 * Stalling is the weaker signal: connections are taken and then nothing comes back, so a client learns
 * of it only from its own timeout.
 */
import { connect, createServer, type Server, type Socket } from "node:net";

export interface LinkProxy {
  url: string;
  cut(): void;
  /** drop what is open, then take new connections and answer nothing on them */
  stall(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startLinkProxy(targetPort: number): Promise<LinkProxy> {
  let mode: "up" | "cut" | "stall" = "up";
  const open = new Set<Socket>();
  const dropAll = () => {
    for (const socket of open) socket.destroy();
    open.clear();
  };
  const server: Server = createServer((client) => {
    if (mode === "cut") {
      client.destroy();
      return;
    }
    if (mode === "stall") {
      open.add(client);
      client.on("error", () => client.destroy()).on("close", () => open.delete(client));
      client.resume(); // read and discard: the request goes nowhere
      return;
    }
    const upstream = connect(targetPort, "127.0.0.1");
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("proxy has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut() {
      mode = "cut";
      dropAll();
    },
    stall() {
      mode = "stall";
      dropAll();
    },
    restore() {
      // stalled connections stay silent until their clients give up, as on a real link
      mode = "up";
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
