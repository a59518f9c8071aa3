// Indonesian: the sidebar's agency list editor.
export const agenciesUiId = {
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
