// English: the sidebar's agency list editor.
import type { agenciesUiId } from "../id/agencies-ui";

export const agenciesUiEn: Record<keyof typeof agenciesUiId, string> = {
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
