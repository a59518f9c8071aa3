import type { meetingId } from "../id/meeting";

export const meetingEn: Record<keyof typeof meetingId, string> = {
  "chart.label": "Ranking chart: each quickwin's score (0–100) and its plausible ranks",
  "chart.axis": "Score",
  "chart.row": "{name}: score {score}; {range}",
  "chart.rowRange": "plausible ranks {low}–{high}",
  "chart.rowUnranked": "not ranked",
  "chart.rowShortlist": "on the shortlist",
  "chart.legendShortlist": "Shortlist (computed)",
  "chart.legendOther": "Others",
  "chart.legendRange": "Dark line: plausible ranks (left = rank 1)",
  "chart.legendFlag": "To discuss",
  "meeting.title": "Panel meeting",
  "meeting.open": "Open the meeting view",
  "meeting.openHelp":
    "A large view for the projector: the chart, the shortlist, the evidence per quickwin and the panel's decisions.",
  "meeting.opened": "The meeting view is open over the spreadsheet.",
  "qw.budgetCents":
    "The budget is in whole Rupiah, without cents: write 1.500.000, not 1.500.000,50",
};
