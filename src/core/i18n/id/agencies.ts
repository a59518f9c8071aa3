// Indonesian: the agency list (its sheet's words are in ledger.ts).
export const agenciesId = {
  "field.agencies": "Daftar OPD",
  "err.agencyClash":
    "Nama “{value}” dipakai oleh dua OPD: {agency} dan {other}. Jadikan salah satunya nama lain saja.",
  "row.agencyClash": "nama “{value}” sudah milik OPD {other}; diabaikan di baris ini",
  "log.detail.aliases": "nama lain",
  "agency.title": "Daftar OPD",
  "agency.help":
    "Nama lain dan singkatan dianggap OPD yang sama untuk konflik kepentingan dan batas per OPD. Gabungkan nama yang mirip dengan menjadikannya nama lain.",
  "agency.shortName": "Singkatan",
  "agency.aliases": "Nama lain (pisahkan dengan ;)",
  "agency.add": "Tambah OPD",
  "agency.mergeInto": "Gabungkan ke",
  "agency.merge": "Gabungkan",
  "agency.remove": "Hapus",
  "agency.save": "Simpan daftar OPD",
  "agency.saved": "Daftar OPD disimpan.",
  "agency.none": "Belum ada OPD di daftar.",
} as const;
