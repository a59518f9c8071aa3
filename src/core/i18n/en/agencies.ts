// English: the agency list.
import type { agenciesId } from "../id/agencies";

export const agenciesEn: Record<keyof typeof agenciesId, string> = {
  "field.agencies": "Agency list",
  "err.agencyClash":
    "The name “{value}” is used by two agencies: {agency} and {other}. Keep it as an alias of one only.",
  "row.agencyClash": "the name “{value}” already belongs to agency {other}; ignored in this row",
  "log.detail.aliases": "aliases",
  "agency.title": "Agency list",
  "agency.help":
    "Other names and short names count as the same agency for conflicts of interest and the per-agency cap. Merge look-alikes by making one an alias of the other.",
  "agency.shortName": "Short name",
  "agency.aliases": "Other names (separate with ;)",
  "agency.add": "Add agency",
  "agency.mergeInto": "Merge into",
  "agency.merge": "Merge",
  "agency.remove": "Remove",
  "agency.save": "Save agency list",
  "agency.saved": "Agency list saved.",
  "agency.none": "No agencies on the list yet.",
};
