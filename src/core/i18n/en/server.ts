import type { serverId } from "../id/server";

export const serverEn: Record<keyof typeof serverId, string> = {
  "menu.open": "Open Quickwin Assessment",

  "sheet.quickwins": "Quickwins",
  "sheet.criteria": "Criteria",
  "sheet.panel": "Panel",
  "sheet.reviews": "Reviews",
  "sheet.settings": "Settings",
  "sheet.ranking": "Ranking",
  "sheet.shortlist": "Shortlist",
  "sheet.log": "Log",

  "col.id": "ID",
  "col.name": "Name",
  "col.agency": "Agency",
  "col.dimension": "Dimension",
  "col.description": "Description",
  "col.startDate": "Start date",
  "col.endDate": "End date",
  "col.budget": "Budget (Rp)",
  "col.beneficiaries": "Beneficiaries",
  "col.stage": "Stage",
  "col.evidenceUrl": "Evidence link",
  "col.createdBy": "Created by",
  "col.updatedAt": "Updated at",
  "col.weight": "Weight",
  "col.min": "Minimum score",
  "col.max": "Maximum score",
  "col.levels": "Level descriptors (one per line)",
  "col.email": "Email",
  "col.role": "Role",
  "col.submittedAt": "Time",
  "col.quickwinId": "Quickwin ID",
  "col.reviewer": "Reviewer",
  "col.scores": "Scores (JSON)",
  "col.comment": "Comment",
  "col.declaredConflict": "Conflict of interest",
  "col.key": "Key",
  "col.value": "Value",
  "col.label": "Description",
  "col.rank": "Rank",
  "col.score": "Score",
  "col.rawScore": "Raw score",
  "col.reviews": "Reviews",
  "col.sd": "Standard deviation",
  "col.rankRange": "Rank range (90%)",
  "col.pShortlist": "Chance of shortlist (%)",
  "col.valueForMoney": "Score per Rp1 million",
  "col.shortlisted": "Shortlisted",
  "col.flags": "Notes",
  "col.time": "Time",
  "col.user": "User",
  "col.action": "Action",
  "col.details": "Details",

  "word.yes": "yes",
  "word.no": "no",
  "chart.title": "Quickwin scores",

  "shortlist.title": "Quickwin Shortlist",
  "shortlist.date": "Date: {date}",
  "shortlist.method":
    "Method: weighted 0–100 rubric score ({criteria} criteria), mean of counted reviews (at least {minReviews} per quickwin), calibration: {normalization}; conflicts of interest not counted; {resamples} resamples for uncertainty.",
  "shortlist.empty": "No quickwin is shortlisted yet.",
  "shortlist.dates": "{start} to {end}",

  "err.identity":
    "Google did not tell the add-on which account you are using, so we cannot recognise your account on the panel. Open this spreadsheet with the Google account the coordinator added to the panel (ask the coordinator which one), and only with that account — for example in a private window.",
  "err.busy": "Busy right now, please try again in a moment.",
  "err.generic":
    "Something went wrong. Please try again; if it keeps happening, tell the coordinator.",
  "err.notSetUp": "This spreadsheet is not set up yet. Ask the coordinator to run setup.",
  "err.notPanel": "You are not on the review panel. Please contact the coordinator.",
  "err.notCoordinator": "Only a coordinator can do this.",
  "err.arity": "Invalid request: wrong number of arguments.",
  "err.tooDeep": "Invalid request: the data is too large or nested too deeply.",
  "err.weightRatio":
    "The weight of criterion {name} is too small next to the largest (at least 1/1000). The coordinator needs to fix the rubric.",
  "err.unknownQuickwin": "Quickwin {id} was not found.",
  "err.notEditable": "You can only edit quickwins you created.",
  "err.conflict":
    "You cannot score {name}: you are from the same agency ({agency}). Declare a conflict of interest if needed.",
  "err.unknownCriterion":
    "The coordinator changed the rubric (criterion {id} is gone). Click Reload; your scores stay in the form.",
  "err.missingScore": "The score for {name} is missing.",
  "err.scoreRange": "The score for {name} must be a whole number from {min} to {max}.",
  "err.noCriteria": "The rubric has no valid criteria yet.",
  "err.selfDemote":
    "You cannot remove your own coordinator role. Ask another coordinator to do it.",
  "err.tooLarge": "The data is too large to save.",

  "err.sheetColumns":
    "The {sheet} sheet is missing columns: {columns}. Ask the coordinator to run setup to repair it.",
  "err.sheetHeader":
    "The {sheet} sheet has no header row at row {row} (deleted, or another sheet). Ask the coordinator to run setup to repair it.",

  "err.panelUnreadable":
    "No row of the {sheet} sheet can be read (row {row}: {problem}). Fix the row; nobody was made coordinator.",
  "err.claimBlocked": "Setup made nobody coordinator: {why}",

  "warn.criteriaChanged":
    "The rubric changed after scoring began ({reviews} reviews stored). Old reviews are kept; reviews incomplete for the new rubric are not counted until re-scored.",
  "warn.criteriaRemoved": "Criteria removed: {ids}.",
  "warn.criteriaAdded": "New criteria: {ids} — old reviews need completing.",
  "warn.criteriaRescaled": "Score range changed: {ids} — check old reviews.",
  "warn.longDurationSaved": "Longer than two months; a quickwin should take one to two months.",

  "row.invalidJson": "the scores cell is not valid JSON",
  "row.duplicate": "ID {id} is already used in an earlier row",
  "row.unknownKey": "unknown setting key: {key}",

  "setting.shortlistSize": "Number of quickwins on the shortlist",
  "setting.maxPerAgency": "Maximum shortlisted quickwins per agency (0 = no cap)",
  "setting.minReviews": "Minimum reviews for a quickwin to be ranked",
  "setting.normalization": "Reviewer calibration: none, zscore or bias",
  "setting.minReviewsForCalibration": "Minimum reviews by a reviewer for calibration",
  "setting.bootstrapResamples": "Uncertainty resamples (0 = off)",
  "setting.seed": "Random seed of the resampling",
  "setting.disagreementFactor":
    "Flag disagreement when a quickwin's spread exceeds this many times the panel's usual spread",
};
