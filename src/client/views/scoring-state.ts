// Whether scoring is open, and until when, as reviewers and the coordinator read it: the
// closing time in words (from the server, in the spreadsheet's zone) and the time left.
import { timeLeftWords } from "../../core/closing";
import type { ScoringState } from "../../core/planning";
import { h } from "../dom";
import { notice, type ViewContext } from "../ui";

export function scoringLine(ctx: ViewContext, s: ScoringState): HTMLElement {
  const { t, locale } = ctx;
  if (!s.open) {
    return notice(
      "warn",
      h(
        "span",
        { id: "scoring-state", "data-open": "false" },
        s.closesAtText ? t("closing.closedAt", { when: s.closesAtText }) : t("closing.closed"),
      ),
    );
  }
  const text = s.closesAt
    ? t("closing.openUntil", {
        when: s.closesAtText,
        left: timeLeftWords(Date.parse(s.closesAt) - Date.now(), locale),
      })
    : t("closing.open");
  return notice("info", h("span", { id: "scoring-state", "data-open": "true" }, text));
}
