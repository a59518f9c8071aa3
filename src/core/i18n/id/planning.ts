// Indonesian: planning before the meeting — assignments, the progress board, the closing
// time of scoring and the import of quickwins from a sheet (server messages and sidebar text).
export const planningId = {
  "assign.noReviewers":
    "Tim Penilai belum memiliki anggota berperan penilai, jadi belum ada yang bisa ditugaskan.",
  "assign.shortfall":
    "{quickwin}: hanya {assigned} dari {needed} penilai — hanya {eligible} penilai yang tidak berkonflik kepentingan dengannya.",
  "assign.unbalanced":
    "Beban tidak merata ({min} sampai {max} quickwin per penilai): {low} mendapat lebih sedikit karena konflik kepentingan atau penugasan yang sudah ada; terbanyak: {high}.",
  "assign.groups":
    "Penilai terbagi dalam {count} kelompok yang tidak menilai satu pun quickwin yang sama, sehingga kalibrasi tidak bisa membandingkan mereka: {groups}.",
  "assign.dropped.conflict": "{reviewer} dilepas dari {quickwin}: ada konflik kepentingan.",
  "assign.dropped.notReviewer": "{reviewer} dilepas dari {quickwin}: bukan penilai di Tim Penilai.",
  "assign.dropped.unknownQuickwin":
    "Penugasan {reviewer} untuk {quickwin} dilepas: quickwin itu tidak ada.",

  "col.source": "Sumber",
  "field.import": "Impor",
  "err.importOwnSheet":
    "{sheet} adalah lembar milik Penilaian Quickwin. Pilih lembar jawaban formulir atau lembar lain.",
  "err.importNoSheet": "Lembar {sheet} tidak ditemukan di spreadsheet ini.",
  "import.dupSource": "Jawaban ini ({source}) sudah pernah diimpor.",
  "import.dupName": "Sudah ada quickwin {name} dari {agency}.",
  "sheet.assignments": "Penugasan",
  "setting.reviewsPerQuickwin": "Jumlah penilai per quickwin untuk usulan penugasan",
  "setting.allowUnassigned": "Penilai boleh menilai quickwin yang tidak ditugaskan (TRUE/FALSE)",
  "setting.scoringOpen": "Penilaian dibuka (TRUE/FALSE; ubah lewat sidebar)",
  "setting.scoringClosesAt": "Waktu penilaian ditutup (ubah lewat sidebar)",
  "v.dateTime": "harus tanggal dan jam yang valid",
  "field.assignments": "Penugasan",
  "field.reviewsPerQuickwin": "Penilai per quickwin",
  "field.scoring": "Waktu penilaian",

  "err.sheetMissing":
    "Lembar {sheet} tidak ditemukan. Minta koordinator menjalankan penyiapan lagi untuk membuatnya.",
  "err.assignNotPanel": "{reviewer} bukan anggota Tim Penilai, jadi tidak dapat ditugaskan.",
  "err.assignConflict":
    "{reviewer} tidak dapat ditugaskan menilai {quickwin}: ada konflik kepentingan.",
  "err.notAssigned":
    "{name} tidak ditugaskan kepada Anda, dan koordinator hanya mengizinkan penilaian quickwin yang ditugaskan.",
  "err.scoringClosedAt": "Penilaian ditutup pada {when}. Penilaian Anda tidak disimpan.",
  "err.scoringClosed": "Penilaian sudah ditutup oleh koordinator. Penilaian Anda tidak disimpan.",
  "err.closesAtInvalid": "Waktu penutupan tidak valid. Pilih tanggal dan jam.",
  "err.closesAtPast": "Waktu penutupan ({when}) sudah lewat. Pilih waktu yang akan datang.",

  "progress.reviewerMissing":
    "{reviewer} belum menilai {count} quickwin yang ditugaskan: {quickwins}.",
  "progress.rankedThin":
    "{quickwin} diperingkat dengan {counted} penilaian, padahal {missing} penilaian yang ditugaskan belum masuk ({reviewers}).",
  "progress.unranked":
    "{quickwin} baru memiliki {counted} penilaian (minimum {min}); belum menilai: {reviewers}.",

  "remind.subject": "Pengingat: {count} quickwin menunggu penilaian Anda",
  "remind.greeting": "Yth. {name},",
  "remind.intro": "Mohon menilai {count} quickwin berikut yang ditugaskan kepada Anda",
  "remind.until": " sebelum {when}",
  "remind.how":
    "Buka spreadsheet penilaian, pilih menu Ekstensi › Penilaian Quickwin, lalu buka tab Nilai.",
  "remind.thanks": "Terima kasih.",
};
