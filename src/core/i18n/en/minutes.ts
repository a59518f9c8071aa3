import type { minutesId } from "../id/minutes";

export const minutesEn: Record<keyof typeof minutesId, string> = {
  "sheet.decisions": "Decisions",
  "sheet.minutes": "Minutes",
  "col.decision": "Decision",
  "col.computed": "Computed shortlist",
  "col.departs": "Departs from the computation",
  "col.reason": "Reason",
  "col.no": "No.",
  "err.sheetNameTaken": "A sheet named “{name}” already exists. Rename it, then try again.",
  "field.decision": "Decision",
  "field.minutes": "Minutes",
  "err.reasonToAdd": "Give the reason for selecting “{name}”: it is not on the computed shortlist.",
  "err.reasonToDrop":
    "Give the reason for not selecting “{name}”: it is on the computed shortlist.",
  "minutes.title": "MINUTES",
  "minutes.subtitle": "MEETING OF THE QUICKWIN ASSESSMENT PANEL",
  "minutes.opening":
    "On {date}, at {place}, the quickwin assessment panel met to decide which of the proposed quickwins go forward, with the following outcome.",
  "minutes.placeBlank": "…………………………",
  "minutes.present": "III. Panel members present ({n})",
  "minutes.methodHeading": "II. Assessment method",
  "minutes.method":
    "Each quickwin was scored on a rubric of {criteria} weighted criteria by at least {minReviews} reviewers without a conflict of interest; the 0–100 score is the mean review ({normalization}), the rank ranges and shortlist chances come from {resamples} simulations that allow for doubt in the scores and in the calibration, and the shortlist holds the top {size}.",
  "method.none": "no calibration",
  "method.zscore": "per-reviewer z-score calibration",
  "method.bias": "reviewer bias correction (least squares)",
  "method.bias-shrunk": "correcting each reviewer's leniency as far as the data support it",
  "method.bias-range-shrunk":
    "correcting each reviewer's leniency and range as far as the data support it",
  "minutes.computedHeading": "III. Computed shortlist",
  "minutes.chance": "Chance",
  "minutes.noShortlist": "No quickwin qualifies for the shortlist yet.",
  "minutes.decisionsHeading": "IV. The panel's decisions",
  "minutes.noDecisions": "No decision has been recorded yet.",
  "minutes.outcome": "The panel thus selects {n} {n|quickwin|quickwins}: {names}.",
  "minutes.ledgerHeading": "IV. The review ledger",
  "minutes.ledger":
    "When these minutes were made, the review ledger held {n} {n|review|reviews}; last seal {seal}.",
  "minutes.closing": "These minutes are a true record, made to be used as required.",
  "minutes.coordinatorSigns": "Panel coordinator,",
  "minutes.membersSign": "Panel members:",
  "minutes.signature": "Signature",
  "minutes.tableHeading": "I. Assessment results and the panel's decisions",
  "minutes.departs": "departs from the computation",
  "minutes.outdated": "decided from an outdated ranking",
  "minutes.undecided": "Not decided",
  "shortlist.exportedBy": "{date}, exported by {who}",
  "shortlist.outdated":
    "NOTE: {n} {n|review came|reviews came} in after this list was computed; it is outdated — export it again.",
  "shortlist.decisionsHeading": "Computation and the panel's decisions",
  "shortlist.noDecisions": "The panel has recorded no decision yet.",
  "shortlist.computedIn": "Shortlisted",
  "shortlist.computedOut": "Not shortlisted",
  "col.computedNow": "Computed",
  "col.note": "Note",
  "shortlist.differs": "⚠ departs from the computation",
  // The ranking chart's two series (their headers are its legend) and its score axis.
  "col.chartShortlisted": "Score — shortlisted",
  "col.chartOthers": "Score — others",
  "chart.axis": "Score (0–100)",
  "shortlist.decisionsUnreadable":
    "The panel's decisions cannot be read: the {sheet} sheet is missing or damaged. Recording a decision in the meeting view repairs it; then export again.",
  "err.decisionsUnreadable":
    "The minutes were not made: the panel's decisions cannot be read, because the {sheet} sheet is missing or damaged. Recording a decision in the meeting view repairs it; then try again.",
  "err.nobodyPresent": "Tick at least one panel member who is present.",
  "err.minutesTooLong": "The minutes are too long for one sheet (more than 1,000 rows).",
};
