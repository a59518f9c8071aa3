// The ranking chart's words and the sidebar's way into the meeting view, shared by the sidebar,
// the meeting dialog and the server (the view's own words: meeting-view.ts). Indonesian is the
// source.
export const meetingId = {
  "chart.label": "Grafik peringkat: skor 0–100 dan rentang peringkat yang mungkin tiap quickwin",
  "chart.axis": "Skor",
  "chart.row": "{name}: skor {score}; {range}",
  "chart.rowRange": "peringkat mungkin {low}–{high}",
  "chart.rowUnranked": "belum berperingkat",
  "chart.rowShortlist": "masuk daftar pendek",
  "chart.legendShortlist": "Daftar pendek (hasil hitung)",
  "chart.legendOther": "Lainnya",
  "chart.legendRange": "Garis gelap: peringkat yang mungkin (kiri = peringkat 1)",
  "chart.legendFlag": "Perlu dibahas",
  "meeting.title": "Rapat panel",
  "meeting.open": "Buka tampilan rapat",
  "meeting.openHelp":
    "Tampilan besar untuk proyektor: grafik, daftar pendek, bukti per quickwin, dan keputusan panel.",
  "meeting.opened": "Tampilan rapat dibuka di atas spreadsheet.",
  "qw.budgetCents": "Anggaran dalam Rupiah utuh, tanpa sen: tulis 1.500.000, bukan 1.500.000,50",
} as const;
