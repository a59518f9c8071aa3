// English: the agency list.
import type { agenciesId } from "../id/agencies";

export const agenciesEn: Record<keyof typeof agenciesId, string> = {
  "field.agencies": "Agency list",
  "err.agencyClash":
    "The name “{value}” is used by two agencies: {agency} and {other}. Keep it as an alias of one only.",
  "row.agencyClash": "the name “{value}” already belongs to agency {other}; ignored in this row",
  "log.detail.aliases": "aliases",
};
