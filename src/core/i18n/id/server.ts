// Indonesian: menu, sheets and the server's messages.
export const serverId = {
  "menu.open": "Buka Penilaian Quickwin",

  "sheet.quickwins": "Quickwin",
  "sheet.criteria": "Kriteria",
  "sheet.panel": "Tim Penilai",
  "sheet.reviews": "Penilaian",
  "sheet.settings": "Pengaturan",
  "sheet.ranking": "Peringkat",
  "sheet.shortlist": "Daftar Pendek",
  "sheet.log": "Log",

  "col.id": "ID",
  "col.name": "Nama",
  "col.agency": "OPD",
  "col.dimension": "Dimensi",
  "col.description": "Deskripsi",
  "col.startDate": "Tanggal mulai",
  "col.endDate": "Tanggal selesai",
  "col.budget": "Anggaran (Rp)",
  "col.beneficiaries": "Penerima manfaat",
  "col.stage": "Tahapan",
  "col.evidenceUrl": "Tautan bukti",
  "col.createdBy": "Dibuat oleh",
  "col.updatedAt": "Diubah pada",
  "col.weight": "Bobot",
  "col.min": "Nilai minimum",
  "col.max": "Nilai maksimum",
  "col.levels": "Deskripsi tiap tingkat (satu per baris)",
  "col.email": "Email",
  "col.role": "Peran",
  "col.submittedAt": "Waktu",
  "col.quickwinId": "ID quickwin",
  "col.reviewer": "Penilai",
  "col.scores": "Nilai (JSON)",
  "col.comment": "Komentar",
  "col.declaredConflict": "Konflik kepentingan",
  "col.key": "Kunci",
  "col.value": "Nilai",
  "col.label": "Keterangan",
  "col.rank": "Peringkat",
  "col.score": "Skor",
  "col.rawScore": "Skor mentah",
  "col.reviews": "Jumlah penilaian",
  "col.sd": "Simpangan baku",
  "col.rankRange": "Rentang peringkat (90%)",
  "col.pShortlist": "Peluang masuk daftar pendek (%)",
  "col.valueForMoney": "Skor per Rp1 juta",
  "col.shortlisted": "Daftar pendek",
  "col.flags": "Catatan",
  "col.time": "Waktu",
  "col.user": "Pengguna",
  "col.action": "Tindakan",
  "col.details": "Rincian",

  "word.yes": "ya",
  "word.no": "tidak",
  "chart.title": "Skor quickwin",

  "shortlist.title": "Daftar Pendek Quickwin",
  "shortlist.date": "Tanggal: {date}",
  "shortlist.method":
    "Metode: skor tertimbang 0–100 dari rubrik ({criteria} kriteria), rata-rata penilaian yang dihitung (minimal {minReviews} per quickwin), kalibrasi: {normalization}; konflik kepentingan tidak dihitung; {resamples} simulasi ulang untuk ketidakpastian.",
  "shortlist.empty": "Belum ada quickwin yang masuk daftar pendek.",
  "shortlist.dates": "{start} s.d. {end}",

  "err.identity":
    "Google tidak memberi tahu add-on akun mana yang Anda pakai, sehingga kami tidak dapat mengenali akun Anda di tim penilai. Buka spreadsheet ini dengan akun Google yang didaftarkan koordinator (tanyakan akun yang mana kepada koordinator), dan hanya dengan akun itu — misalnya di jendela penyamaran.",
  "err.busy": "Sedang sibuk, silakan coba lagi sebentar lagi.",
  "err.generic": "Terjadi kesalahan. Silakan coba lagi; jika berulang, hubungi koordinator.",
  "err.notSetUp": "Spreadsheet ini belum disiapkan. Minta koordinator menjalankan penyiapan.",
  "err.notPanel": "Anda belum terdaftar di tim penilai. Hubungi koordinator.",
  "err.notCoordinator": "Hanya koordinator yang dapat melakukan ini.",
  "err.arity": "Permintaan tidak valid: jumlah argumen salah.",
  "err.tooDeep": "Permintaan tidak valid: data terlalu besar atau bersarang terlalu dalam.",
  "err.weightRatio":
    "Bobot kriteria {name} terlalu kecil dibanding bobot terbesar (minimal 1/1000). Koordinator perlu memperbaiki rubriknya.",
  "err.unknownQuickwin": "Quickwin {id} tidak ditemukan.",
  "err.notEditable": "Anda hanya dapat mengubah quickwin yang Anda buat.",
  "err.conflict":
    "Anda tidak dapat menilai {name}: Anda berasal dari OPD yang sama ({agency}). Tandai konflik kepentingan bila perlu.",
  "err.unknownCriterion":
    "Rubrik sudah diubah koordinator (kriteria {id} tidak ada lagi). Klik Muat ulang; nilai Anda tetap di formulir.",
  "err.missingScore": "Nilai untuk kriteria {name} belum diisi.",
  "err.scoreRange": "Nilai {name} harus bilangan bulat dari {min} sampai {max}.",
  "err.noCriteria": "Rubrik belum memiliki kriteria yang valid.",
  "err.selfDemote":
    "Anda tidak dapat mencabut peran koordinator Anda sendiri. Minta koordinator lain melakukannya.",
  "err.tooLarge": "Data terlalu besar untuk disimpan.",

  "err.sheetColumns":
    "Lembar {sheet} kehilangan kolom: {columns}. Minta koordinator menjalankan penyiapan untuk memperbaikinya.",
  "err.sheetHeader":
    "Lembar {sheet} tidak memiliki baris judul di baris {row} (terhapus, atau lembar lain). Minta koordinator menjalankan penyiapan untuk memperbaikinya.",

  "err.panelUnreadable":
    "Tidak ada baris Lembar {sheet} yang dapat dibaca (baris {row}: {problem}). Perbaiki barisnya; tidak ada yang dijadikan koordinator.",
  "err.claimBlocked": "Penyiapan tidak menjadikan siapa pun koordinator: {why}",

  "warn.criteriaChanged":
    "Rubrik diubah setelah penilaian dimulai ({reviews} penilaian tersimpan). Penilaian lama tidak dihapus; penilaian yang tidak lengkap untuk rubrik baru tidak dihitung sampai dinilai ulang.",
  "warn.criteriaRemoved": "Kriteria dihapus: {ids}.",
  "warn.criteriaAdded": "Kriteria baru: {ids} — penilaian lama perlu dilengkapi.",
  "warn.criteriaRescaled": "Rentang nilai berubah: {ids} — periksa penilaian lama.",
  "warn.longDurationSaved":
    "Durasi lebih dari dua bulan; quickwin sebaiknya selesai dalam satu sampai dua bulan.",

  "row.invalidJson": "kolom nilai bukan JSON yang valid",
  "row.duplicate": "ID {id} sudah dipakai di baris sebelumnya",
  "row.unknownKey": "kunci pengaturan tidak dikenal: {key}",

  "setting.shortlistSize": "Jumlah quickwin di daftar pendek",
  "setting.maxPerAgency": "Batas quickwin per OPD di daftar pendek (0 = tanpa batas)",
  "setting.minReviews": "Minimum penilaian agar quickwin diperingkat",
  "setting.normalization": "Kalibrasi penilai: none, zscore, atau bias",
  "setting.minReviewsForCalibration": "Minimum penilaian seorang penilai untuk kalibrasi",
  "setting.bootstrapResamples": "Jumlah simulasi ketidakpastian (0 = mati)",
  "setting.seed": "Benih acak simulasi",
  "setting.disagreementFactor":
    "Tandai beda pendapat bila sebaran nilai suatu quickwin melebihi kelipatan ini dari sebaran biasa panel",
} as const;
