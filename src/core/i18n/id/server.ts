// Indonesian: menu, sheets and the server's messages.
export const serverId = {
  "menu.open": "Buka Penilaian Quickwin",
} as const;
