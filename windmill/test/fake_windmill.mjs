// A tiny stand-in for the Windmill API, on loopback, so the real CLI can run its server-bound checks offline
// (`wmill generate-metadata --schema-only`, `wmill sync push --dry-run`). It serves an empty workspace.
import http from "node:http";

// An empty zip archive: only the end-of-central-directory record.
const EMPTY_ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]);
const log = [];

const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://localhost");
  log.push(`${req.method} ${url.pathname}`);
  if (process.env.FAKE_WINDMILL_VERBOSE) console.error(`${req.method} ${req.url}`);
  const json = (status, body) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  req.resume();
  req.on("end", () => {
    const path = url.pathname;
    if (path.endsWith("/users/whoami")) {
      return json(200, {
        username: "ci",
        email: "ci@example.com",
        is_admin: true,
        is_super_admin: true,
        operator: false,
        groups: [],
        folders: [],
      });
    }
    if (path.endsWith("/version")) {
      res.writeHead(200, { "content-type": "text/plain" });
      return res.end("v1.819.0");
    }
    if (path.includes("/workspaces/tarball")) {
      res.writeHead(200, { "content-type": "application/zip" });
      return res.end(EMPTY_ZIP);
    }
    return json(404, { error: "not found in fake Windmill" });
  });
});

server.listen(0, "127.0.0.1", () => {
  console.log(server.address().port);
});
process.on("SIGTERM", () => {
  if (process.env.FAKE_WINDMILL_VERBOSE) console.error(log.join("\n"));
  server.close(() => process.exit(0));
});
