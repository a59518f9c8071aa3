// The meeting's words (the ranking chart, the meeting view, decisions and the minutes), shared by
// the sidebar, the meeting dialog and the server. Indonesian is the source.
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
} as const;
