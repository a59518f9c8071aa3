// verifyLedger (DESIGN §5): the coordinator's check of the sealed reviews ledger and log.
// Reading only: no lock, nothing written.
import type { VerifyLedgerResult } from "../core/types";
import { requireCoordinator } from "./api";
import { checkLog, readLedger } from "./ledger";
import type { Context } from "./runtime";

export function verifyLedger(ctx: Context): VerifyLedgerResult {
  requireCoordinator(ctx);
  const { check } = readLedger(ctx);
  return { ...check, log: checkLog(ctx) };
}
