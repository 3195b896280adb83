// A user's service in Node.js: verifies every request with the official
// standardwebhooks npm package (found through NODE_PATH), answers 204 or 401,
// and lists the webhook-ids it accepted at GET /accepted. It prints its port
// on the first line of stdout. The secret comes from SECRET.
const http = require("http");
const { Webhook } = require("standardwebhooks");

const wh = new Webhook(process.env.SECRET);
const accepted = [];

const server = http.createServer((req, res) => {
  if (req.method === "GET" && req.url === "/accepted") {
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify(accepted));
    return;
  }
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    try {
      wh.verify(Buffer.concat(chunks), req.headers);
    } catch (err) {
      res.statusCode = 401;
      res.end(String(err && err.message));
      return;
    }
    accepted.push(req.headers["webhook-id"]);
    res.statusCode = 204;
    res.end();
  });
});

server.listen(0, "127.0.0.1", () => {
  console.log(server.address().port);
});
