// Indonesian: what the sidebar's ranking view says about the sealed reviews ledger.
export const ledgerUiId = {
  "rank.ledgerVerified": "Buku penilaian terverifikasi: {n} penilaian",
  "rank.ledgerFailed":
    "Buku penilaian TIDAK utuh: {tampered} baris diubah, disalin atau dipindah di luar add-on, {missing} nomor urut hilang. Baris itu tidak dihitung; rinciannya di bawah.",
} as const;
