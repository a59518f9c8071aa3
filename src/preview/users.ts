// The preview's user switcher: the owner, the panel as the server shows it (with roles),
// users seen in calls, and a stranger who is on no panel.
import type { ServerRuntime } from "./script-host";

export const STRANGER = "tamu@example.com";

interface SeenState {
  role: string | null;
  panel: { email: string; role: string }[] | null;
}

/** What getSidebarState tells this user about their role and the panel. */
function stateOf(runtime: ServerRuntime, email: string): SeenState {
  if (!runtime.functionNames().includes("getSidebarState")) return { role: null, panel: null };
  const r = runtime.call("getSidebarState", [], { email, locale: "id" });
  if (!r.ok || !r.value || typeof r.value !== "object") return { role: null, panel: null };
  const state = r.value as { user?: { role?: unknown }; panel?: unknown };
  const role = typeof state.user?.role === "string" ? state.user.role : null;
  const panel = Array.isArray(state.panel)
    ? state.panel.filter(
        (m): m is { email: string; role: string } =>
          !!m && typeof m.email === "string" && typeof m.role === "string",
      )
    : null;
  return { role, panel };
}

/** The users to offer, each once (emails compared case-insensitively), with their roles. */
export function previewUsers(
  runtime: ServerRuntime,
  seenUsers: readonly string[],
): { email: string; role: string | null }[] {
  const ownerEmail = runtime.emulator.owner;
  const out: { email: string; role: string | null }[] = [];
  const seen = new Set<string>();
  const add = (email: string, role: string | null) => {
    const key = email.trim().toLowerCase();
    if (key === "" || seen.has(key)) return;
    seen.add(key);
    out.push({ email, role });
  };
  // The panel as the owner sees it; when the owner is not its coordinator (an empty start
  // where someone else ran setup), as the first user seen in an RPC who can see it.
  const owner = stateOf(runtime, ownerEmail);
  let panel = owner.panel;
  const roles = new Map<string, string | null>();
  if (!panel) {
    for (const email of seenUsers) {
      if (email.toLowerCase() === ownerEmail.toLowerCase()) continue;
      const st = stateOf(runtime, email);
      roles.set(email, st.role);
      if (st.panel) {
        panel = st.panel;
        break;
      }
    }
  }
  add(ownerEmail, owner.role);
  for (const m of panel ?? []) add(m.email, m.role);
  for (const email of seenUsers) {
    if (roles.has(email)) add(email, roles.get(email) ?? null);
  }
  add(STRANGER, null);
  return out;
}
