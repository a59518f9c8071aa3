// Who is asked to score what (DESIGN §3, §5 proposeAssignment). A pure, deterministic proposal:
// every quickwin gets k reviewers without a conflict (same agency, or declared in the ledger),
// reviewer loads as even as the conflicts allow (within one), the reviewer–quickwin graph
// connected (so calibration can compare every reviewer with every other), and the existing
// assignments kept, so adding quickwins assigns only the new ones. What cannot be met is said.
//
// How: the new pairs are a maximum flow (quickwin → eligible reviewer → sink) whose reviewer
// capacities are the smallest even cap that still covers as much as an uncapped flow would;
// a first pass fills every reviewer up to one below that cap, so loads end within one. Then
// swaps of new pairs between groups of reviewers that share no quickwin join the groups.
import { identityKey } from "./identity";

export interface AssignmentReviewer {
  email: string;
  agency?: string | undefined;
}
export interface AssignmentQuickwin {
  id: string;
  agency?: string | undefined;
}
export interface AssignmentPair {
  quickwinId: string;
  reviewer: string;
}

export interface AssignmentInput {
  reviewers: readonly AssignmentReviewer[];
  quickwins: readonly AssignmentQuickwin[];
  reviewsPerQuickwin: number;
  /** Pairs already saved: kept unless they are no longer possible (then reported as dropped). */
  existing?: readonly AssignmentPair[];
  /** Conflicts a reviewer declared in the ledger. */
  declared?: readonly AssignmentPair[];
  /** The agency of a name (a canonical key; by default its identity key). */
  agencyKey?: (name: string | undefined) => string;
}

export type DropReason = "conflict" | "notReviewer" | "unknownQuickwin";

export interface Shortfall {
  quickwinId: string;
  needed: number;
  assigned: number;
  /** Reviewers without a conflict with this quickwin (what it could ever get). */
  eligible: number;
}

export interface AssignmentProposal {
  /** Every pair of the proposal (kept and new), in quickwin order then reviewer order. */
  pairs: AssignmentPair[];
  kept: number;
  added: number;
  reviewsPerQuickwin: number;
  loads: { reviewer: string; load: number; conflicts: number }[];
  dropped: (AssignmentPair & { reason: DropReason })[];
  shortfalls: Shortfall[];
  /** Set when loads differ by more than one. */
  unbalanced: { min: number; max: number; low: string[]; high: string[] } | null;
  /** Groups of reviewers that share no quickwin with each other (empty when connected). */
  groups: string[][];
}

// ---------- a small maximum-flow (Dinic) over integer capacities ----------

class Flow {
  private readonly head: number[];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly next: number[] = [];
  private level: number[] = [];
  private iter: number[] = [];

  constructor(readonly size: number) {
    this.head = new Array(size).fill(-1);
  }

  /** Adds u→v with capacity c; returns the edge index (its flow is cap of the reverse edge). */
  add(u: number, v: number, c: number): number {
    const e = this.to.length;
    this.to.push(v, u);
    this.cap.push(c, 0);
    this.next.push(this.head[u]!, this.head[v]!);
    this.head[u] = e;
    this.head[v] = e + 1;
    return e;
  }

  flowOn(edge: number): number {
    return this.cap[edge ^ 1]!;
  }

  setCapacity(edge: number, total: number): void {
    this.cap[edge] = Math.max(0, total - this.flowOn(edge));
  }

  private bfs(s: number, t: number): boolean {
    this.level = new Array(this.size).fill(-1);
    const queue = [s];
    this.level[s] = 0;
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i]!;
      for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
        const v = this.to[e]!;
        if (this.cap[e]! > 0 && this.level[v]! < 0) {
          this.level[v] = this.level[u]! + 1;
          queue.push(v);
        }
      }
    }
    return this.level[t]! >= 0;
  }

  private dfs(u: number, t: number, pushed: number): number {
    if (u === t) return pushed;
    for (; this.iter[u]! !== -1; this.iter[u] = this.next[this.iter[u]!]!) {
      const e = this.iter[u]!;
      const v = this.to[e]!;
      if (this.cap[e]! > 0 && this.level[v] === this.level[u]! + 1) {
        const got = this.dfs(v, t, Math.min(pushed, this.cap[e]!));
        if (got > 0) {
          this.cap[e] = this.cap[e]! - got;
          this.cap[e ^ 1] = this.cap[e ^ 1]! + got;
          return got;
        }
      }
    }
    return 0;
  }

  /** Augments to a maximum flow from s to t; returns the flow added. */
  run(s: number, t: number): number {
    let total = 0;
    while (this.bfs(s, t)) {
      this.iter = this.head.slice();
      for (let f = this.dfs(s, t, Number.MAX_SAFE_INTEGER); f > 0; ) {
        total += f;
        f = this.dfs(s, t, Number.MAX_SAFE_INTEGER);
      }
    }
    return total;
  }
}

// ---------- the problem, normalized ----------

interface Problem {
  reviewers: string[];
  quickwins: string[];
  k: number;
  /** eligible[q][r]: no conflict. */
  eligible: boolean[][];
  /** kept[q]: reviewer indexes already assigned (and still possible). */
  kept: Set<number>[];
  dropped: (AssignmentPair & { reason: DropReason })[];
}

function normalize(input: AssignmentInput): Problem {
  const agencyKey = input.agencyKey ?? ((name) => identityKey(name ?? ""));
  const reviewers: string[] = [];
  const reviewerAgency: string[] = [];
  const rIndex = new Map<string, number>();
  for (const r of input.reviewers) {
    const key = identityKey(r.email);
    if (key === "" || rIndex.has(key)) continue;
    rIndex.set(key, reviewers.length);
    reviewers.push(key);
    reviewerAgency.push(agencyKey(r.agency));
  }
  const quickwins: string[] = [];
  const qIndex = new Map<string, number>();
  const eligible: boolean[][] = [];
  for (const q of input.quickwins) {
    const key = identityKey(q.id);
    if (key === "" || qIndex.has(key)) continue;
    qIndex.set(key, quickwins.length);
    quickwins.push(q.id.trim());
    const agency = agencyKey(q.agency);
    eligible.push(reviewerAgency.map((a) => a === "" || a !== agency));
  }
  for (const d of input.declared ?? []) {
    const q = qIndex.get(identityKey(d.quickwinId));
    const r = rIndex.get(identityKey(d.reviewer));
    if (q !== undefined && r !== undefined) eligible[q]![r] = false;
  }
  const kept = quickwins.map(() => new Set<number>());
  const dropped: Problem["dropped"] = [];
  for (const p of input.existing ?? []) {
    const q = qIndex.get(identityKey(p.quickwinId));
    const r = rIndex.get(identityKey(p.reviewer));
    const pair = { quickwinId: p.quickwinId, reviewer: p.reviewer };
    if (q === undefined) dropped.push({ ...pair, reason: "unknownQuickwin" });
    else if (r === undefined) dropped.push({ ...pair, reason: "notReviewer" });
    else if (!eligible[q]![r]) dropped.push({ ...pair, reason: "conflict" });
    else kept[q]!.add(r);
  }
  const k = Math.max(0, Math.floor(input.reviewsPerQuickwin));
  return { reviewers, quickwins, k, eligible, kept, dropped };
}

/** A flow network of the new pairs; reviewer→sink capacities set by the caller. */
function network(p: Problem): {
  flow: Flow;
  pairEdges: { q: number; r: number; edge: number }[];
  sinkEdges: number[];
  s: number;
  t: number;
} {
  const Q = p.quickwins.length;
  const R = p.reviewers.length;
  const s = Q + R;
  const t = s + 1;
  const flow = new Flow(t + 1);
  const pairEdges: { q: number; r: number; edge: number }[] = [];
  for (let q = 0; q < Q; q++) {
    const need = Math.max(0, p.k - p.kept[q]!.size);
    if (need === 0) continue;
    flow.add(s, q, need);
    // Each quickwin starts its search at a different reviewer, which spreads the pairs in a
    // cyclic pattern (and cyclic designs are connected).
    const start = R === 0 ? 0 : (q * p.k) % R;
    for (let i = R - 1; i >= 0; i--) {
      // Added in reverse: the adjacency list is walked last-added first.
      const r = (start + i) % R;
      if (p.eligible[q]![r] && !p.kept[q]!.has(r)) {
        pairEdges.push({ q, r, edge: flow.add(q, Q + r, 1) });
      }
    }
  }
  const sinkEdges = p.reviewers.map((_, r) => flow.add(Q + r, t, 0));
  return { flow, pairEdges, sinkEdges, s, t };
}

function keptLoads(p: Problem): number[] {
  const loads = p.reviewers.map(() => 0);
  for (const set of p.kept) for (const r of set) loads[r]!++;
  return loads;
}

/** The maximum number of new pairs when no reviewer may end above `cap` (Infinity: no cap). */
function coverage(p: Problem, existing: number[], cap: number): number {
  const net = network(p);
  net.sinkEdges.forEach((e, r) => {
    net.flow.setCapacity(e, cap === Infinity ? p.quickwins.length : cap - existing[r]!);
  });
  return net.flow.run(net.s, net.t);
}

/** New pairs: maximum coverage, with the smallest even cap, everyone filled to cap − 1 first. */
function balancedPairs(p: Problem): Set<number>[] {
  const existing = keptLoads(p);
  const added = p.quickwins.map(() => new Set<number>());
  if (p.reviewers.length === 0) return added;
  const best = coverage(p, existing, Infinity);
  let lo = 0;
  let hi = Math.max(...existing) + best;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (coverage(p, existing, mid) >= best) hi = mid;
    else lo = mid + 1;
  }
  const cap = lo;
  const net = network(p);
  net.sinkEdges.forEach((e, r) => {
    net.flow.setCapacity(e, cap - 1 - existing[r]!);
  });
  net.flow.run(net.s, net.t);
  net.sinkEdges.forEach((e, r) => {
    net.flow.setCapacity(e, cap - existing[r]!);
  });
  net.flow.run(net.s, net.t);
  for (const { q, r, edge } of net.pairEdges) if (net.flow.flowOn(edge) > 0) added[q]!.add(r);
  return added;
}

// ---------- connectivity ----------

/** Groups of reviewers linked through shared quickwins (reviewers with no pair left out). */
function reviewerGroups(p: Problem, all: Set<number>[]): number[][] {
  const R = p.reviewers.length;
  const parent = Array.from({ length: R }, (_, i) => i);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[x] !== root) {
      const up = parent[x]!;
      parent[x] = root;
      x = up;
    }
    return root;
  };
  const used = new Array<boolean>(R).fill(false);
  for (const set of all) {
    let first = -1;
    for (const r of set) {
      used[r] = true;
      if (first < 0) first = r;
      else parent[find(r)] = find(first);
    }
  }
  const groups = new Map<number, number[]>();
  for (let r = 0; r < R; r++) {
    if (!used[r]) continue;
    const root = find(r);
    const g = groups.get(root) ?? [];
    g.push(r);
    groups.set(root, g);
  }
  return [...groups.values()];
}

function union(p: Problem, added: Set<number>[]): Set<number>[] {
  return p.kept.map((set, q) => new Set([...set, ...added[q]!]));
}

/**
 * Joins groups by swapping the reviewers of two new pairs in different groups (q1,r1),(q2,r2)
 * → (q1,r2),(q2,r1): loads and counts per quickwin stay the same. A swap is kept only when
 * it lowers the number of groups, so the loop ends.
 */
function connect(p: Problem, added: Set<number>[]): void {
  for (;;) {
    const groups = reviewerGroups(p, union(p, added));
    if (groups.length <= 1) return;
    const groupOf = new Map<number, number>();
    groups.forEach((g, i) => {
      for (const r of g) groupOf.set(r, i);
    });
    if (!trySwap(p, added, groupOf, groups.length)) return;
  }
}

function trySwap(
  p: Problem,
  added: Set<number>[],
  groupOf: Map<number, number>,
  count: number,
): boolean {
  const pairs: [number, number][] = [];
  added.forEach((set, q) => {
    for (const r of set) pairs.push([q, r]);
  });
  const all = union(p, added);
  for (let i = 0; i < pairs.length; i++) {
    const [q1, r1] = pairs[i]!;
    for (let j = i + 1; j < pairs.length; j++) {
      const [q2, r2] = pairs[j]!;
      if (q1 === q2 || groupOf.get(r1) === groupOf.get(r2)) continue;
      // A quickwin with one reviewer stays a star whatever is swapped: no join possible.
      if (all[q1]!.size < 2 && all[q2]!.size < 2) continue;
      if (!p.eligible[q1]![r2] || !p.eligible[q2]![r1]) continue;
      if (all[q1]!.has(r2) || all[q2]!.has(r1)) continue;
      added[q1]!.delete(r1);
      added[q2]!.delete(r2);
      added[q1]!.add(r2);
      added[q2]!.add(r1);
      if (reviewerGroups(p, union(p, added)).length < count) return true;
      added[q1]!.delete(r2);
      added[q2]!.delete(r1);
      added[q1]!.add(r1);
      added[q2]!.add(r2);
    }
  }
  return false;
}

// ---------- the proposal ----------

export function proposeAssignment(input: AssignmentInput): AssignmentProposal {
  const p = normalize(input);
  const added = balancedPairs(p);
  connect(p, added);
  const all = union(p, added);
  const pairs: AssignmentPair[] = [];
  const loads = p.reviewers.map(() => 0);
  all.forEach((set, q) => {
    for (const r of [...set].sort((a, b) => a - b)) {
      pairs.push({ quickwinId: p.quickwins[q]!, reviewer: p.reviewers[r]! });
      loads[r]!++;
    }
  });
  const shortfalls: Shortfall[] = [];
  all.forEach((set, q) => {
    if (set.size < p.k) {
      shortfalls.push({
        quickwinId: p.quickwins[q]!,
        needed: p.k,
        assigned: set.size,
        eligible: p.eligible[q]!.filter(Boolean).length,
      });
    }
  });
  const min = loads.length ? Math.min(...loads) : 0;
  const max = loads.length ? Math.max(...loads) : 0;
  const unbalanced =
    max - min > 1
      ? {
          min,
          max,
          low: p.reviewers.filter((_, r) => loads[r]! < max - 1),
          high: p.reviewers.filter((_, r) => loads[r]! === max),
        }
      : null;
  const groups = reviewerGroups(p, all);
  const keptCount = p.kept.reduce((n, s) => n + s.size, 0);
  return {
    pairs,
    kept: keptCount,
    added: pairs.length - keptCount,
    reviewsPerQuickwin: p.k,
    loads: p.reviewers.map((reviewer, r) => ({
      reviewer,
      load: loads[r]!,
      conflicts: p.eligible.filter((row) => !row[r]).length,
    })),
    dropped: p.dropped,
    shortfalls,
    unbalanced,
    groups: groups.length > 1 ? groups.map((g) => g.map((r) => p.reviewers[r]!)) : [],
  };
}

// ---------- in words ----------

type Words = (
  key:
    | "assign.noReviewers"
    | "assign.shortfall"
    | "assign.unbalanced"
    | "assign.groups"
    | "assign.dropped.conflict"
    | "assign.dropped.notReviewer"
    | "assign.dropped.unknownQuickwin",
  params?: Record<string, string | number>,
) => string;

/**
 * What the proposal could not meet, one sentence each: quickwins short of reviewers (and
 * why), uneven loads, groups that share no quickwin, saved pairs let go. `label` names a
 * quickwin or a reviewer as the reader knows them.
 */
export function describeProposal(
  proposal: AssignmentProposal,
  t: Words,
  label: { quickwin?: (id: string) => string; reviewer?: (email: string) => string } = {},
): string[] {
  const qw = label.quickwin ?? ((id: string) => id);
  const who = label.reviewer ?? ((email: string) => email);
  const out: string[] = [];
  if (proposal.loads.length === 0 && proposal.reviewsPerQuickwin > 0)
    out.push(t("assign.noReviewers"));
  for (const s of proposal.shortfalls) {
    out.push(
      t("assign.shortfall", {
        quickwin: qw(s.quickwinId),
        assigned: s.assigned,
        needed: s.needed,
        eligible: s.eligible,
      }),
    );
  }
  if (proposal.unbalanced) {
    const u = proposal.unbalanced;
    out.push(
      t("assign.unbalanced", {
        min: u.min,
        max: u.max,
        low: u.low.map(who).join(", "),
        high: u.high.map(who).join(", "),
      }),
    );
  }
  if (proposal.groups.length > 1) {
    out.push(
      t("assign.groups", {
        count: proposal.groups.length,
        groups: proposal.groups.map((g) => `{${g.map(who).join(", ")}}`).join(" · "),
      }),
    );
  }
  for (const d of proposal.dropped) {
    out.push(
      t(`assign.dropped.${d.reason}`, { quickwin: qw(d.quickwinId), reviewer: who(d.reviewer) }),
    );
  }
  return out;
}
