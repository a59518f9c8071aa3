// The sidebar entry. Reads the boot data (locale) and renders.
import { resolveLocale, translator } from "../core/i18n";

function bootLocale() {
  const el = document.getElementById("qw-boot");
  try {
    const data = JSON.parse(el?.textContent ?? "{}") as { locale?: string };
    return resolveLocale(data.locale);
  } catch {
    return resolveLocale("id");
  }
}

const t = translator(bootLocale());
const app = document.getElementById("app");
if (app) {
  const p = document.createElement("p");
  p.className = "qw-loading";
  p.textContent = t("ui.loading");
  app.replaceChildren(p);
}
