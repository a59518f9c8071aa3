// `npm start` (after the build): the local preview on http://127.0.0.1:$PORT.
// Environment: PORT (default 8080), QW_DATA (workbook file, default .preview/workbook.json),
// QW_DEMO=0 (start a new workbook empty instead of with demo data).
import { CorruptWorkbookError, DEFAULT_DATA_FILE, type Preview, startPreview } from "./server";

async function main(): Promise<void> {
  // An empty PORT (e.g. `PORT= npm start`) means the default, not "any free port".
  const rawPort = process.env.PORT?.trim();
  const port = rawPort ? Number(rawPort) : 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`PORT must be a port number, not "${process.env.PORT}".`);
    process.exit(1);
  }
  let preview: Preview;
  try {
    preview = await startPreview({
      port,
      dataFile: process.env.QW_DATA || DEFAULT_DATA_FILE,
      demo: process.env.QW_DEMO !== "0",
      log: (m) => console.log(m),
    });
  } catch (error) {
    if (error instanceof CorruptWorkbookError) console.error(error.message);
    else if (error && typeof error === "object" && "code" in error && error.code === "EADDRINUSE")
      console.error(`Port ${port} is in use; set PORT to another one (e.g. PORT=8081 npm start).`);
    else console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  console.log(`Preview: ${preview.url}  (Ctrl-C to stop)`);
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    preview.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(
          `Could not save the workbook: ${error instanceof Error ? error.message : error}`,
        );
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  // A closed terminal stops it too; and any other way out still writes a change not saved yet
  // (the save is synchronous, as an exit handler needs).
  process.on("SIGHUP", stop);
  process.on("exit", () => {
    try {
      preview.save();
    } catch {
      // reported by close() when it could run; nothing more can be done on the way out
    }
  });
}

void main();
