// The preview is a local tool, not a door into the machine (DESIGN §6): every request must be
// addressed to the preview itself (its Host, so DNS rebinding fails), and a request that
// changes anything must be JSON (a cross-origin page cannot send that without a CORS
// preflight, which the preview never grants) from no Origin or the preview's own.
import type { IncomingMessage } from "node:http";
import { HttpError } from "./http";

const CHANGES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The names the preview answers to on this port. */
function ownHosts(host: string, port: number): Set<string> {
  const names = new Set(["127.0.0.1", "localhost", "[::1]", host.toLowerCase()]);
  return new Set([...names].map((name) => `${name}:${port}`));
}

/** Why the preview refuses this request, or null when it may be served. */
export function refusal(req: IncomingMessage, host: string, port: number): HttpError | null {
  const hosts = ownHosts(host, port);
  const close = { connection: "close" };
  const hostHeader = (req.headers.host ?? "").toLowerCase();
  if (!hosts.has(hostHeader)) {
    return new HttpError(403, "This preview only answers requests addressed to itself.", close);
  }
  if (!CHANGES.has(req.method ?? "GET")) return null;
  const origin = req.headers.origin?.toLowerCase();
  if (origin !== undefined && ![...hosts].some((h) => origin === `http://${h}`)) {
    return new HttpError(403, "Requests from other sites are refused.", close);
  }
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") {
    return new HttpError(415, "Send the body as Content-Type: application/json.", close);
  }
  return null;
}
