// Indonesian: the agency list (its sheet's words are in ledger.ts).
export const agenciesId = {
  "field.agencies": "Daftar OPD",
  "err.agencyClash":
    "Nama “{value}” dipakai oleh dua OPD: {agency} dan {other}. Jadikan salah satunya nama lain saja.",
  "row.agencyClash": "nama “{value}” sudah milik OPD {other}; diabaikan di baris ini",
  "log.detail.aliases": "nama lain",
} as const;
