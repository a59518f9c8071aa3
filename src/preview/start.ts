// `npm start`: serves the built sidebar locally (the full preview replaces this).
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";

const port = Number(process.env.PORT ?? 8080);
const html = readFileSync(join(import.meta.dirname, "../../dist/sidebar.html"), "utf8");
createServer((_req, res) => {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(html);
}).listen(port, "127.0.0.1", () => console.log(`Preview: http://127.0.0.1:${port}/`));
