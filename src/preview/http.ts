// The preview server's small HTTP vocabulary: errors that become JSON answers, and bodies.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function parseJsonObject(text: string): Record<string, unknown> {
  if (text.trim() === "") return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new HttpError(
      400,
      `Bad JSON body: ${error instanceof Error ? error.message : "invalid"}`,
    );
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    throw new HttpError(400, "Bad JSON body: expected an object.");
  }
  return data as Record<string, unknown>;
}
