// Indonesian: the sidebar.
export const clientId = {
  "ui.loading": "Memuat…",
} as const;
