import type { serverId } from "../id/server";

export const serverEn: Record<keyof typeof serverId, string> = {
  "menu.open": "Open Quickwin Assessment",
};
