// Local stand-ins for the notification channels, on loopback, that record what they receive: a real SMTP server
// (the smtp-server library, the server half of nodemailer's project) and an HTTP webhook.
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import type { AddressInfo } from "node:net";

export type Mail = {
  from: string;
  to: string[];
  user: string | null;
  subject: string;
  text: string;
  headers: Record<string, string>;
};

export type SmtpStandIn = { port: number; messages: Mail[]; close: () => Promise<void> };

/** An SMTP server; rejectRecipients answers RCPT TO with that 5xx code. AUTH is accepted for any password. */
export async function startSmtp(options: { rejectRecipients?: number } = {}): Promise<SmtpStandIn> {
  const messages: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true, // loopback only: no TLS certificate to set up
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    onRcptTo(_address, _session, callback) {
      if (!options.rejectRecipients) return callback();
      callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: options.rejectRecipients }));
    },
    onData(stream, session, callback) {
      (async () => {
        const chunks: Uint8Array[] = [];
        for await (const chunk of stream) chunks.push(chunk);
        messages.push(parseMail(new TextDecoder().decode(concat(chunks)), session));
        callback();
      })().catch((e) => callback(e));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    port: (server.server.address() as AddressInfo).port,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type WebhookRequest = { headers: Headers; body: Json };
export type WebhookStandIn = { url: string; requests: WebhookRequest[]; close: () => Promise<void> };

/** An HTTP endpoint that records each POST's JSON body and answers with status. */
export function startWebhook(status = 200): WebhookStandIn {
  const requests: WebhookRequest[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (request) => {
    requests.push({ headers: request.headers, body: await request.json() });
    return new Response(status < 300 ? "ok" : "upstream exploded", { status });
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}/services/T000/B000/secret-path`,
    requests,
    close: () => server.shutdown(),
  };
}

/** A loopback port nothing listens on (connections are refused). */
export function closedPort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

// deno-lint-ignore no-explicit-any
type Json = Record<string, any>;

function parseMail(raw: string, session: SMTPServerSession): Mail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " "); // unfold
  const headers: Record<string, string> = {};
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = raw.slice(split + 4);
  const encoding = (headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  if (encoding === "quoted-printable") {
    const bytes = body.replace(/=\r\n/g, "").replace(
      /=([0-9A-F]{2})/g,
      (_, hex) => String.fromCharCode(parseInt(hex, 16)),
    );
    body = new TextDecoder().decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0)));
  } else if (encoding === "base64") {
    body = new TextDecoder().decode(Uint8Array.from(atob(body.replace(/\s/g, "")), (c) => c.charCodeAt(0)));
  }
  return {
    from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
    to: session.envelope.rcptTo.map((r) => r.address),
    user: session.user ?? null,
    subject: headers["subject"] ?? "",
    text: body.replace(/\r\n/g, "\n"),
    headers,
  };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
