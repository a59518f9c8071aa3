// A meeting made through the server's own functions in the preview, one execution each, as the
// users who would make them (as the sidebar would make it): setup, a panel of a coordinator and
// three reviewers, n quickwins with names short and long, and three reviews each (the last
// quickwin gets one, so it stays unranked), scores spread so that many rank ranges overlap.
import type { Preview } from "./browser";

export const SEED_COORDINATOR = "koordinator@patikab.go.id";
export const SEED_REVIEWERS = [
  { email: "penilai.bappeda@patikab.go.id", name: "Ibu Bappeda", agency: "Bappeda" },
  { email: "penilai.inspektorat@patikab.go.id", name: "Bapak Inspektorat", agency: "Inspektorat" },
  { email: "penilai.dinkes@patikab.go.id", name: "Ibu Dinkes", agency: "Dinkes" },
] as const;

const NAMES = [
  "Satrio Pasar",
  "Sipipa",
  "Pregnancy Tools",
  "Sistem Informasi Pelayanan Terpadu Perizinan Usaha Mikro Kecil dan Menengah Kabupaten Pati",
  "Lapor Bupati",
  "WiFi Desa",
  "E-Musrenbang",
  "Pati Bersih",
  "Ambulans Desa Siaga 24 Jam",
  "Kartu Tani Digital",
];
const AGENCIES = ["Disdagperin", "Dislautkan", "Puskesmas Cluwak", "DPMPTSP", "Diskominfo"];
const DIMENSIONS = ["governance", "branding", "economy", "living", "society", "environment"];

export function seedName(i: number): string {
  const base = NAMES[i % NAMES.length] as string;
  return i < NAMES.length ? base : `${base} ${Math.floor(i / NAMES.length) + 1}`;
}

export interface SeededMeeting {
  ids: string[];
  names: string[];
}

export async function seedMeeting(
  preview: Pick<Preview, "call">,
  n: number,
): Promise<SeededMeeting> {
  const coord = SEED_COORDINATOR;
  const rpc = <T>(name: string, args: unknown[], user: string) => preview.call<T>(name, args, user);
  await rpc("setupSpreadsheet", [], coord);
  await rpc(
    "saveReviewers",
    [
      [
        { email: coord, name: "Bapak Koordinator", agency: "Diskominfo", role: "coordinator" },
        ...SEED_REVIEWERS.map((r) => ({ ...r, role: "reviewer" })),
      ],
    ],
    coord,
  );
  const state = await rpc<{ criteria: { id: string; min: number; max: number }[] }>(
    "getSidebarState",
    [],
    coord,
  );
  const ids: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = seedName(i);
    const saved = await rpc<{ id: string }>(
      "saveQuickwin",
      [
        {
          name,
          agency: AGENCIES[i % AGENCIES.length],
          dimension: DIMENSIONS[i % DIMENSIONS.length],
          description: `Program ${name} untuk warga.`,
          startDate: "2019-09-02",
          endDate: "2019-10-15",
          budget: 2_500_000 + i * 500_000,
        },
      ],
      coord,
    );
    ids.push(saved.id);
    names.push(name);
  }
  for (const [j, reviewer] of SEED_REVIEWERS.entries()) {
    for (const [i, id] of ids.entries()) {
      if (i === ids.length - 1 && j > 0) continue; // the last quickwin: one review only
      const scores = Object.fromEntries(
        state.criteria.map((c, k) => {
          const span = c.max - c.min;
          // A quality falling with i, a reviewer-specific lean and a criterion wobble.
          const quality = 1 - i / Math.max(1, n);
          const raw = c.min + span * quality + ((j * 7 + k * 3 + i) % 3) - 1;
          return [c.id, Math.max(c.min, Math.min(c.max, Math.round(raw)))];
        }),
      );
      await rpc(
        "submitReview",
        [{ quickwinId: id, scores, comment: `Catatan ke-${j + 1} untuk ${seedName(i)}.` }],
        reviewer.email,
      );
    }
  }
  return { ids, names };
}
