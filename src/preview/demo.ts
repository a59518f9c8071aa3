// Demo data for a new preview workbook, written the honest way: by calling the server's own
// functions through the runtime, one execution each, as the users who would make them.
// Quickwin names are the ones Kabupaten Pati reported in 2018–19 (docs/domain.md); descriptions,
// budgets, dates and scores are illustrative, not real figures.
import type { ServerRuntime } from "./script-host";

export const DEMO_PANEL = [
  {
    email: "koordinator@patikab.go.id",
    name: "Koordinator e-Government",
    agency: "Diskominfo",
    role: "coordinator",
  },
  {
    email: "penilai.bappeda@patikab.go.id",
    name: "Penilai Bappeda",
    agency: "Bappeda",
    role: "reviewer",
  },
  {
    email: "penilai.inspektorat@patikab.go.id",
    name: "Penilai Inspektorat",
    agency: "Inspektorat",
    role: "reviewer",
  },
  {
    email: "akademisi@kampus.ac.id",
    name: "Akademisi (perguruan tinggi)",
    agency: "",
    role: "reviewer",
  },
  {
    // Proposes Satrio Pasar too: a real conflict of interest the add-on must catch.
    email: "penilai.disdagperin@patikab.go.id",
    name: "Penilai Disdagperin",
    agency: "Disdagperin",
    role: "reviewer",
  },
] as const;

/** The agency list: full names, the short names people type, and other spellings seen. */
export const DEMO_AGENCIES = [
  { name: "Dinas Kesehatan", shortName: "Dinkes", aliases: ["Dinas Kesehatan Kabupaten Pati"] },
  {
    name: "Dinas Komunikasi dan Informatika",
    shortName: "Diskominfo",
    aliases: ["Dinkominfo", "Kominfo"],
  },
  { name: "Badan Perencanaan Pembangunan Daerah", shortName: "Bappeda", aliases: [] },
  {
    name: "Dinas Perdagangan dan Perindustrian",
    shortName: "Disdagperin",
    aliases: ["Dinas Perdagangan"],
  },
  { name: "Dinas Kelautan dan Perikanan", shortName: "Dislautkan", aliases: ["DKP"] },
];

export const DEMO_QUICKWINS = [
  {
    name: "Satrio Pasar",
    agency: "Disdagperin",
    dimension: "economy",
    description:
      "Informasi harga kebutuhan pokok dan retribusi pasar tradisional secara daring untuk pedagang dan pembeli.",
    startDate: "2019-08-01",
    endDate: "2019-09-15",
    budget: 25_000_000,
    stage: "pilot",
    beneficiaries: 4_500,
  },
  {
    name: "Sipipa",
    agency: "Dislautkan",
    dimension: "economy",
    description: "Sistem informasi perikanan: data tangkapan dan harga ikan di tempat pelelangan.",
    startDate: "2019-08-05",
    endDate: "2019-09-30",
    budget: 30_000_000,
    stage: "pilot",
    beneficiaries: 2_000,
  },
  {
    name: "Pregnancy Tools",
    agency: "Puskesmas Cluwak",
    dimension: "living",
    description:
      "Pemantauan ibu hamil berisiko tinggi oleh bidan desa, dengan pengingat jadwal periksa.",
    startDate: "2019-07-15",
    endDate: "2019-08-31",
    budget: 8_000_000,
    stage: "implemented",
    beneficiaries: 600,
  },
  {
    name: "Sim-ULP",
    agency: "Bagian Pengadaan Barang/Jasa",
    dimension: "governance",
    description: "Jadwal dan status paket pengadaan barang/jasa yang terbuka untuk publik.",
    startDate: "2019-07-01",
    endDate: "2019-08-20",
    budget: 15_000_000,
    stage: "implemented",
  },
  {
    name: "Portal Pati Smartcity",
    agency: "Diskominfo",
    dimension: "governance",
    description: "Satu pintu informasi layanan dan data kabupaten; dibangun tim internal.",
    startDate: "2019-06-01",
    endDate: "2019-10-31",
    budget: 0,
    stage: "pilot",
    evidenceUrl: "https://www.patikab.go.id/",
  },
  {
    name: "E-Library",
    agency: "Dinas Arsip dan Perpustakaan",
    dimension: "society",
    description: "Katalog dan peminjaman buku perpustakaan daerah secara daring.",
    startDate: "2019-08-01",
    endDate: "2019-09-20",
    budget: 12_000_000,
    stage: "initiative",
    beneficiaries: 3_000,
  },
  {
    name: "Bumdes Bersama",
    agency: "Dispermades",
    dimension: "economy",
    description: "Etalase produk badan usaha milik desa dan pencatatan transaksi bersama.",
    startDate: "2019-08-10",
    endDate: "2019-09-25",
    budget: 20_000_000,
    stage: "initiative",
  },
] as const;

/** Per quickwin, how strong it is (0–1), so the demo ranking tells a story. */
const STRENGTH: Record<string, number> = {
  "Satrio Pasar": 0.8,
  Sipipa: 0.6,
  "Pregnancy Tools": 0.85,
  "Sim-ULP": 0.7,
  "Portal Pati Smartcity": 0.55,
  "E-Library": 0.45,
  "Bumdes Bersama": 0.5,
};

/** Which reviewers have scored what (some left to do, to show progress). */
const REVIEWED_BY: Record<string, string[]> = {
  "penilai.bappeda@patikab.go.id": [
    "Satrio Pasar",
    "Sipipa",
    "Pregnancy Tools",
    "Sim-ULP",
    "Portal Pati Smartcity",
    "E-Library",
  ],
  "penilai.inspektorat@patikab.go.id": ["Satrio Pasar", "Pregnancy Tools", "Sim-ULP", "Sipipa"],
  "akademisi@kampus.ac.id": ["Satrio Pasar", "Pregnancy Tools", "E-Library", "Bumdes Bersama"],
  "penilai.disdagperin@patikab.go.id": ["Pregnancy Tools", "Sim-ULP"],
};

/** Reviewer leniency, so that calibration has something to correct. */
const LENIENCY: Record<string, number> = {
  "penilai.bappeda@patikab.go.id": 0,
  "penilai.inspektorat@patikab.go.id": -0.12,
  "akademisi@kampus.ac.id": 0.08,
  "penilai.disdagperin@patikab.go.id": 0.05,
};

const COMMENTS = [
  "Sudah berjalan dan mudah direplikasi.",
  "Perlu rencana keberlanjutan setelah penghargaan.",
  "Manfaat jelas untuk warga; biaya kecil.",
  "Data pendukung masih kurang.",
];

export class DemoSeedError extends Error {}

interface CriterionLike {
  id: string;
  min: number;
  max: number;
}

/** A deterministic jitter in [-0.5, 0.5) from a string. */
function jitter(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return ((h >>> 0) % 1000) / 1000 - 0.5;
}

export function seedDemo(runtime: ServerRuntime, options: { owner?: string } = {}): void {
  const owner = options.owner ?? DEMO_PANEL[0].email;
  const names = new Set(runtime.functionNames());
  const needed = [
    "setupSpreadsheet",
    "saveReviewers",
    "saveAgencies",
    "saveQuickwin",
    "submitReview",
    "getSidebarState",
  ];
  const missing = needed.filter((n) => !names.has(n));
  if (missing.length) {
    throw new DemoSeedError(
      `Cannot seed the demo workbook: dist/server.js has no server function ${missing.join(", ")} (yet). ` +
        "Run `npm run build` after the server functions exist, or start empty with QW_DEMO=0.",
    );
  }
  const call = (name: string, args: unknown[], email: string): unknown => {
    const r = runtime.call(name, args, { email, locale: "id" });
    if (!r.ok) {
      throw new DemoSeedError(`Demo seeding failed: ${name} as ${email}: ${r.error.message}`);
    }
    return r.value;
  };

  call("setupSpreadsheet", [], owner);
  call("saveAgencies", [DEMO_AGENCIES], owner);
  const panel = DEMO_PANEL.map((m) => (m.role === "coordinator" ? { ...m, email: owner } : m)).map(
    (m) => (m.agency === "" ? { email: m.email, name: m.name, role: m.role } : { ...m }),
  );
  call("saveReviewers", [panel], owner);

  const ids = new Map<string, string>();
  for (const q of DEMO_QUICKWINS) {
    const saved = call("saveQuickwin", [{ ...q }], owner) as { id?: unknown };
    if (typeof saved?.id !== "string") throw new DemoSeedError("saveQuickwin returned no id");
    ids.set(q.name, saved.id);
  }

  const state = call("getSidebarState", [], owner) as { criteria?: unknown };
  const criteria = (Array.isArray(state.criteria) ? state.criteria : []) as CriterionLike[];
  if (criteria.length === 0) throw new DemoSeedError("the rubric is empty after setup");

  let n = 0;
  for (const [reviewer, quickwins] of Object.entries(REVIEWED_BY)) {
    const member = DEMO_PANEL.find((m) => m.email === reviewer)!;
    for (const name of quickwins) {
      const q = DEMO_QUICKWINS.find((x) => x.name === name)!;
      if (member.agency !== "" && member.agency.toLowerCase() === q.agency.toLowerCase()) continue;
      const scores: Record<string, number> = {};
      for (const c of criteria) {
        const level =
          (STRENGTH[name] ?? 0.5) +
          (LENIENCY[reviewer] ?? 0) +
          jitter(`${reviewer}|${name}|${c.id}`) * 0.35;
        const clamped = Math.max(0, Math.min(1, level));
        scores[c.id] = Math.round(c.min + clamped * (c.max - c.min));
      }
      call(
        "submitReview",
        [{ quickwinId: ids.get(name)!, scores, comment: COMMENTS[n++ % COMMENTS.length]! }],
        reviewer,
      );
    }
  }
}
