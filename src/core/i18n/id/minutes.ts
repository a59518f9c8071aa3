// Words of the sheets the meeting writes (decisions, minutes) and the server's refusals: the
// server's dictionary only (the sidebar and the meeting view never show them themselves).
export const minutesId = {
  "sheet.decisions": "Keputusan",
  "sheet.minutes": "Berita Acara",
  "col.decision": "Keputusan",
  "col.computed": "Daftar pendek hasil hitung",
  "col.departs": "Berbeda dari hasil hitung",
  "col.reason": "Alasan",
  "col.no": "No.",
  "err.sheetNameTaken": "Sudah ada lembar bernama “{name}”. Ganti nama lembar itu, lalu coba lagi.",
  "field.decision": "Keputusan",
  "field.minutes": "Berita acara",
  "err.reasonToAdd":
    "Tuliskan alasan memilih “{name}”: quickwin ini tidak masuk daftar pendek hasil hitung.",
  "err.reasonToDrop":
    "Tuliskan alasan tidak memilih “{name}”: quickwin ini masuk daftar pendek hasil hitung.",
  "minutes.title": "BERITA ACARA",
  "minutes.subtitle": "RAPAT PANEL PENILAIAN QUICKWIN",
  "minutes.opening":
    "Pada hari ini, {date}, bertempat di {place}, panel penilaian quickwin telah bermusyawarah untuk menetapkan quickwin yang diajukan, dengan hasil sebagai berikut.",
  "minutes.placeBlank": "…………………………",
  "minutes.present": "III. Anggota panel yang hadir ({n} orang)",
  "minutes.methodHeading": "II. Metode penilaian",
  "minutes.method":
    "Setiap quickwin dinilai dengan rubrik {criteria} kriteria berbobot oleh sekurang-kurangnya {minReviews} penilai tanpa konflik kepentingan; skor 0–100 adalah rata-rata penilaian ({normalization}), rentang peringkat dan peluang masuk daftar pendek berasal dari {resamples} simulasi yang memperhitungkan keraguan pada nilai dan pada kalibrasi, dan daftar pendek memuat {size} quickwin teratas.",
  "method.none": "tanpa kalibrasi",
  "method.zscore": "kalibrasi z-score per penilai",
  "method.bias": "koreksi bias penilai (kuadrat terkecil)",
  "method.bias-shrunk": "koreksi kemurahan tiap penilai, sebesar yang didukung data",
  "method.bias-range-shrunk":
    "koreksi kemurahan dan rentang nilai tiap penilai, sebesar yang didukung data",
  "minutes.computedHeading": "Daftar pendek hasil perhitungan",
  "minutes.chance": "Peluang masuk",
  "minutes.noShortlist": "Belum ada quickwin yang memenuhi syarat daftar pendek.",
  "minutes.decisionsHeading": "Keputusan panel",
  "minutes.noDecisions": "Belum ada keputusan yang dicatat.",
  "minutes.outcome": "Dengan demikian panel menetapkan {n} quickwin: {names}.",
  "minutes.ledgerHeading": "IV. Buku besar penilaian",
  "minutes.ledger":
    "Buku besar penilaian pada saat berita acara ini dibuat berisi {n} penilaian; segel terakhir {seal}.",
  "minutes.closing":
    "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.",
  "minutes.coordinatorSigns": "Koordinator panel,",
  "minutes.membersSign": "Anggota panel:",
  "minutes.signature": "Tanda tangan",
  "minutes.tableHeading": "I. Hasil penilaian dan keputusan panel",
  "minutes.departs": "berbeda dari hasil hitung",
  "minutes.outdated": "diputuskan dari peringkat yang sudah usang",
  "minutes.undecided": "Belum diputuskan",
  // The shortlist page's second table: the computation beside the panel's decisions.
  "shortlist.exportedBy": "{date}, diekspor oleh {who}",
  "shortlist.outdated":
    "PERHATIAN: {n} penilaian masuk setelah daftar ini dihitung; daftar ini sudah usang — ekspor ulang.",
  "shortlist.decisionsHeading": "Hasil hitung dan keputusan panel",
  "shortlist.noDecisions": "Panel belum mencatat keputusan.",
  "shortlist.computedIn": "Masuk daftar pendek",
  "shortlist.computedOut": "Tidak masuk daftar pendek",
  "col.computedNow": "Hasil hitung",
  "col.note": "Catatan",
  "shortlist.differs": "⚠ berbeda dari hasil hitung",
  // The ranking chart's two series (their headers are its legend) and its score axis.
  "col.chartShortlisted": "Skor — daftar pendek",
  "col.chartOthers": "Skor — lainnya",
  "chart.axis": "Skor (0–100)",
  "shortlist.decisionsUnreadable":
    "Keputusan panel tidak dapat dibaca: lembar {sheet} hilang atau rusak. Mencatat satu keputusan di tampilan rapat memperbaikinya; lalu ekspor ulang.",
  "err.decisionsUnreadable":
    "Berita acara tidak dibuat: keputusan panel tidak dapat dibaca karena lembar {sheet} hilang atau rusak. Mencatat satu keputusan di tampilan rapat memperbaikinya; lalu coba lagi.",
  "err.nobodyPresent": "Centang sekurang-kurangnya satu anggota panel yang hadir.",
  "err.minutesTooLong": "Berita acara terlalu panjang untuk satu lembar (lebih dari 1.000 baris).",
} as const;
