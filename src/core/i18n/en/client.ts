import type { clientId } from "../id/client";

export const clientEn: Record<keyof typeof clientId, string> = {
  "ui.loading": "Loading…",
};
