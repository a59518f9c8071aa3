import type { planningId } from "../id/planning";

export const planningEn: Record<keyof typeof planningId, string> = {
  "assign.noReviewers":
    "The panel has no member with the reviewer role, so nobody can be assigned yet.",
  "assign.shortfall":
    "{quickwin}: only {assigned} of {needed} reviewers — only {eligible} reviewers have no conflict of interest with it.",
  "assign.unbalanced":
    "Loads are uneven ({min} to {max} quickwins per reviewer): {low} get fewer because of conflicts of interest or assignments already saved; most: {high}.",
  "assign.groups":
    "The reviewers fall into {count} groups that share no quickwin, so calibration cannot compare them: {groups}.",
  "assign.dropped.conflict": "{reviewer} is released from {quickwin}: a conflict of interest.",
  "assign.dropped.notReviewer":
    "{reviewer} is released from {quickwin}: not a reviewer on the panel.",
  "assign.dropped.unknownQuickwin":
    "The assignment of {reviewer} to {quickwin} is released: that quickwin does not exist.",

  "col.source": "Source",
  "field.import": "Import",
  "err.importOwnSheet":
    "{sheet} is one of Quickwin Assessment's own sheets. Pick a form response sheet or another sheet.",
  "err.importNoSheet": "There is no sheet {sheet} in this spreadsheet.",
  "import.dupSource": "This response ({source}) was imported before.",
  "import.dupName": "There is already a quickwin {name} from {agency}.",
  "sheet.assignments": "Assignments",
  "setting.reviewsPerQuickwin": "Reviewers per quickwin in proposed assignments",
  "setting.allowUnassigned": "Reviewers may score quickwins not assigned to them (TRUE/FALSE)",
  "setting.scoringOpen": "Scoring is open (TRUE/FALSE; change it in the sidebar)",
  "setting.scoringClosesAt": "When scoring closes (change it in the sidebar)",
  "v.dateTime": "must be a valid date and time",
  "field.assignments": "Assignments",
  "field.reviewsPerQuickwin": "Reviewers per quickwin",
  "field.scoring": "Scoring time",

  "err.sheetMissing":
    "Sheet {sheet} is missing. Ask the coordinator to run setup again to create it.",
  "err.assignNotPanel": "{reviewer} is not on the panel, so cannot be assigned.",
  "err.assignConflict": "{reviewer} cannot be assigned to {quickwin}: a conflict of interest.",
  "err.notAssigned":
    "{name} is not assigned to you, and the coordinator allows scoring assigned quickwins only.",
  "err.scoringClosedAt": "Scoring closed on {when}. Your review was not saved.",
  "err.scoringClosed": "Scoring has been closed by the coordinator. Your review was not saved.",
  "err.closesAtInvalid": "The closing time is not valid. Pick a date and a time.",
  "err.closesAtPast": "The closing time ({when}) has passed. Pick a time in the future.",

  "progress.reviewerMissing":
    "{reviewer} has not scored {count} assigned {count|quickwin|quickwins}: {quickwins}.",
  "progress.rankedThin":
    "{quickwin} is ranked on {counted} {counted|review|reviews} while {missing} assigned {missing|review is|reviews are} missing ({reviewers}).",
  "progress.unranked":
    "{quickwin} has only {counted} {counted|review|reviews} (minimum {min}); not yet scored by: {reviewers}.",

  "remind.subject": "Pengingat: {count} quickwin menunggu penilaian Anda",
  "remind.greeting": "Yth. {name},",
  "remind.intro": "Mohon menilai {count} quickwin berikut yang ditugaskan kepada Anda",
  "remind.until": " sebelum {when}",
  "remind.how":
    "Buka spreadsheet penilaian, pilih menu Ekstensi › Penilaian Quickwin, lalu buka tab Nilai.",
  "remind.thanks": "Terima kasih.",
};
