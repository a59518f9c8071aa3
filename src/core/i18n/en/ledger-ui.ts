// English: what the sidebar's ranking view says about the sealed reviews ledger.
import type { ledgerUiId } from "../id/ledger-ui";

export const ledgerUiEn: Record<keyof typeof ledgerUiId, string> = {
  "rank.ledgerVerified": "Ledger verified: {n} {n|review|reviews}",
  "rank.ledgerFailed":
    "The reviews ledger is NOT intact: {tampered} rows edited, copied or moved outside the add-on, {missing} sequence numbers missing. Those rows are not counted; details below.",
};
