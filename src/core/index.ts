// The public core: pure TypeScript shared by the server, the sidebar and the preview.

export * from "./errors";
export * from "./format";
export * from "./i18n";
export * from "./identity";
export {
  agreementReading,
  agreementWords,
  calibrationWords,
  mergeSettings,
  rankQuickwins,
  TIE_EPSILON,
} from "./ranking";
export { defaultRubric } from "./rubric";
export * from "./schemas";
export * from "./scores";
export {
  fitAdditive,
  krippendorffAlphaInterval,
  mean,
  mulberry32,
  nearestRankIndex,
  sampleSd,
  solveLinear,
  UnionFind,
  ZERO_SPREAD,
} from "./stats";
export type * from "./types";
export * from "./validation";
