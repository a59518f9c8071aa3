// The meeting view's own words (the dialog on the projector: summary, evidence, decisions, the
// minutes form), also used by the server for the decisions and the minutes. The sidebar does not
// carry them. Indonesian is the source.
export const meetingViewId = {
  "decision.selected": "Dipilih",
  "decision.notSelected": "Tidak dipilih",
  "meeting.close": "Tutup",
  "meeting.summary":
    "Dihitung {when}: {ranked} dari {total} quickwin berperingkat; daftar pendek {size} quickwin.",
  "meeting.chartHeading": "Peringkat",
  "meeting.shortlistHeading": "Daftar pendek hasil hitung ({n})",
  "meeting.noShortlist": "Belum ada quickwin yang memenuhi syarat.",
  "meeting.selectedOutside": "Dipilih panel di luar hasil hitung:",
  "meeting.undecidedShort": "belum diputuskan",
  "meeting.discussHeading": "Dibahas dulu ({n})",
  "meeting.discussHelp":
    "Quickwin yang tempatnya belum pasti, yang penilainya berbeda pendapat, atau yang penilaiannya belum cukup.",
  "meeting.nothingToDiscuss": "Tidak ada: data sudah cukup jelas untuk setiap quickwin.",
  "meeting.othersHeading": "Quickwin lainnya ({n})",
  "meeting.listed": "Daftar pendek",
  "meeting.score": "skor {score}",
  "meeting.range": "peringkat mungkin {low}–{high}",
  "meeting.chance": "peluang masuk {p}",
  "meeting.reviews": "{n} penilaian dihitung",
  "meeting.criteria": "Rata-rata nilai per kriteria",
  "meeting.criterionMean":
    "{name}: rata-rata {mean} pada skala {min}–{max}; nilai terendah {low}, tertinggi {high}",
  "meeting.criterionNone": "{name}: belum ada nilai",
  "meeting.noReviews": "Belum ada penilaian yang dihitung.",
  "meeting.spread": "Skor {n} penilaian: {low} sampai {high} (simpangan baku {sd}).",
  "meeting.spreadOne": "Satu penilaian: skor {score}.",
  "meeting.comments": "Komentar penilai",
  "meeting.reviewer": "Penilai {label}",
  "meeting.noComment": "tanpa komentar",
  "meeting.undecided": "Belum ada keputusan.",
  "meeting.decidedSelected": "Keputusan: dipilih ({when}).",
  "meeting.decidedNot": "Keputusan: tidak dipilih ({when}).",
  "meeting.departs": "berbeda dari hasil hitung",
  "meeting.reasonLabelListed": "Alasan (wajib bila tidak dipilih)",
  "meeting.reasonLabelUnlisted": "Alasan (wajib bila dipilih)",
  "meeting.reasonToAdd":
    "Quickwin ini tidak masuk daftar pendek hasil hitung: tuliskan alasan memilihnya.",
  "meeting.reasonToDrop":
    "Quickwin ini masuk daftar pendek hasil hitung: tuliskan alasan tidak memilihnya.",
  "meeting.select": "Pilih",
  "meeting.notSelect": "Tidak dipilih",
  "meeting.savedSelected": "Keputusan dicatat: “{name}” dipilih.",
  "meeting.savedNot": "Keputusan dicatat: “{name}” tidak dipilih.",
  "meeting.minutesHeading": "Berita acara",
  "meeting.minutesHelp":
    "Menulis lembar berita acara siap cetak (A4): tanggal, tempat, yang hadir, metode, daftar pendek, keputusan dengan alasannya, dan tempat tanda tangan.",
  "meeting.place": "Tempat rapat",
  "meeting.presentLegend": "Anggota panel yang hadir",
  "meeting.makeMinutes": "Buat berita acara",
  "meeting.minutesMade": "Lembar “{sheet}” dibuat. Buka lembar itu untuk mencetaknya.",
} as const;
