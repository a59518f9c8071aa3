// Buffered writes (createEmulator({ bufferedWrites: true })): as Sheets may, an execution's
// spreadsheet writes stay pending — visible to that execution only — until it calls
// SpreadsheetApp.flush() or ends. Releasing a lock does not commit them, so a server that
// releases its lock without flushing lets the next caller read stale values, as on live Sheets.
//
// Each execution with pending writes reads its own view: the committed workbook plus its own
// writes replayed. The writes are recorded as the script's calls (object, method, arguments)
// and replayed on the committed workbook at commit, so writes of other executions committed
// meanwhile are kept, as Sheets keeps them.
import type { Core, Emulated } from "./core";
import type { WorkbookModel } from "./model";

interface Write {
  target: Emulated;
  method: string;
  args: unknown[];
}

interface Pending {
  writes: Write[];
  view: WorkbookModel;
  /** The committed workbook's stamp the view was built on. */
  stamp: number;
}

/** Objects whose state lives in the workbook, and the names of their methods that change it. */
const BUFFERED_KINDS = new Set(["Spreadsheet", "Sheet", "Range", "Protection"]);
const WRITE_METHOD =
  /^(set|insert|delete|append|clear|merge|sort|protect|activate|hide|remove|update)/;

/** Arrays are copied (a script may reuse its rows); objects and Dates are kept as given. */
function copyArgs(value: unknown): unknown {
  return Array.isArray(value) ? value.map(copyArgs) : value;
}

export class WriteBuffer {
  private readonly pending = new Map<number, Pending>();
  /** Increases whenever the committed workbook changes. */
  private stamp = 0;
  /** While replaying: the workbook the replayed calls act on. */
  private target: WorkbookModel | null = null;

  constructor(
    private readonly core: Core,
    private readonly committed: () => WorkbookModel,
  ) {}

  /** The workbook the current execution sees. */
  current(): WorkbookModel {
    if (this.target) return this.target;
    const p = this.core.inExecution ? this.pending.get(this.core.current.id) : undefined;
    if (!p) return this.committed();
    if (p.stamp !== this.stamp) this.rebuild(p);
    return p.view;
  }

  /** Called on every change: a change to the committed workbook makes views stale. */
  changed(wb: WorkbookModel): void {
    if (wb === this.committed()) this.stamp++;
  }

  /** Runs one script call; a write inside an execution goes to its view and is recorded. */
  run(target: Emulated, method: string, args: unknown[], call: () => unknown): unknown {
    if (
      this.target ||
      !this.core.inExecution ||
      !BUFFERED_KINDS.has(target._kind) ||
      !WRITE_METHOD.test(method)
    ) {
      return call();
    }
    const id = this.core.current.id;
    let p = this.pending.get(id);
    if (!p) {
      p = { writes: [], view: this.committed().clone(), stamp: this.stamp };
      this.pending.set(id, p);
    } else if (p.stamp !== this.stamp) this.rebuild(p);
    const recorded = args.map(copyArgs);
    const result = call();
    p.writes.push({ target, method, args: recorded });
    return result;
  }

  /** Commits the execution's pending writes (flush, or the end of the execution). */
  commit(executionId: number): void {
    const p = this.pending.get(executionId);
    if (!p) return;
    this.pending.delete(executionId);
    this.replay(p.writes, this.committed());
  }

  private rebuild(p: Pending): void {
    p.view = this.committed().clone();
    p.stamp = this.stamp;
    this.replay(p.writes, p.view);
  }

  /** Replays writes on a workbook; one that no longer applies (its sheet deleted) is dropped. */
  private replay(writes: Write[], wb: WorkbookModel): void {
    const outer = this.target;
    this.target = wb;
    try {
      for (const w of writes) {
        const fn = (w.target as unknown as Record<string, (...a: unknown[]) => unknown>)[w.method];
        try {
          fn?.apply(w.target, w.args);
        } catch {
          // As in Sheets, a write that cannot land (its range is gone) is lost.
        }
      }
    } finally {
      this.target = outer;
    }
  }
}
