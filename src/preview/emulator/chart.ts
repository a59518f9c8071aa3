// Embedded charts (the ranking's bar chart): the builder, the chart, and Charts' enums.
import { type SpreadsheetState, typeName } from "./context";
import { type Core, Emulated } from "./core";
import { ChartType, enumName } from "./enums";
import type { ChartData } from "./model";
import { RangeObj } from "./range";
import type { SheetObj } from "./sheet";

export class EmbeddedChartBuilderObj extends Emulated {
  readonly _data: ChartData;
  constructor(
    readonly _ctx: SpreadsheetState,
    readonly _sheet: SheetObj,
    data: ChartData | null,
  ) {
    super(_ctx.core, "EmbeddedChartBuilder", false);
    this._data = data ?? {
      id: 0,
      type: "",
      ranges: [],
      position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
      options: {},
    };
  }
  addRange(range: unknown): EmbeddedChartBuilderObj {
    const r = this._ctx.core.unwrap(range);
    if (!(r instanceof RangeObj)) {
      throw this._ctx.core.badParameters(typeName(range), "EmbeddedChartBuilder.addRange");
    }
    this._data.ranges.push(`${r._sheetObj.getName()}!${r.getA1Notation()}`);
    return this;
  }
  setChartType(type: unknown): EmbeddedChartBuilderObj {
    this._data.type = enumName(type) ?? String(type);
    this._asBar = false;
    return this;
  }
  setPosition(
    row: number,
    column: number,
    offsetX: number,
    offsetY: number,
  ): EmbeddedChartBuilderObj {
    this._data.position = {
      row: Number(row),
      column: Number(column),
      offsetX: Number(offsetX) || 0,
      offsetY: Number(offsetY) || 0,
    };
    return this;
  }
  setOption(key: string, value: unknown): EmbeddedChartBuilderObj {
    this._data.options[String(key)] = JSON.parse(JSON.stringify(value ?? null));
    return this;
  }
  setNumHeaders(n: number): EmbeddedChartBuilderObj {
    return this.setOption("numHeaders", n);
  }
  asBarChart(): EmbeddedChartBuilderObj {
    this.setChartType("BAR");
    this._asBar = true;
    return this;
  }
  /** Whether this is an EmbeddedBarChartBuilder (asBarChart, not setChartType, makes one). */
  _asBar = false;
  /**
   * Methods of EmbeddedBarChartBuilder only: on Apps Script the general builder (newChart,
   * setChartType) has no such method, so calling one there fails as it would.
   */
  private _bar(method: string): void {
    if (!this._asBar) {
      throw this._ctx.core.error(`TypeError: ${method} is not a function`);
    }
  }
  setStacked(): EmbeddedChartBuilderObj {
    this._bar("setStacked");
    return this.setOption("isStacked", true);
  }
  setColors(cssValues: unknown): EmbeddedChartBuilderObj {
    this._bar("setColors");
    if (!Array.isArray(cssValues) || !cssValues.every((c) => typeof c === "string")) {
      throw this._ctx.core.badParameters(typeName(cssValues), "EmbeddedBarChartBuilder.setColors");
    }
    return this.setOption("colors", cssValues);
  }
  setRange(start: unknown, end: unknown): EmbeddedChartBuilderObj {
    this._bar("setRange");
    if (typeof start !== "number" || typeof end !== "number") {
      throw this._ctx.core.badParameters(
        `${typeName(start)},${typeName(end)}`,
        "EmbeddedBarChartBuilder.setRange",
      );
    }
    this.setOption("hAxis.viewWindow.min", start);
    return this.setOption("hAxis.viewWindow.max", end);
  }
  setXAxisTitle(title: unknown): EmbeddedChartBuilderObj {
    this._bar("setXAxisTitle");
    return this.setOption("hAxis.title", String(title));
  }
  getChartType(): unknown {
    return (ChartType as Record<string, unknown>)[this._data.type] ?? null;
  }
  getRanges(): RangeObj[] {
    return this._data.ranges.map((a1) => this._sheet._ss.getRange(a1));
  }
  build(): EmbeddedChartObj {
    if (this._data.type === "") {
      throw this._ctx.core.error("The chart type must be set before building the chart.");
    }
    return new EmbeddedChartObj(this._ctx, this._sheet, structuredClone(this._data));
  }
}

export class EmbeddedChartObj extends Emulated {
  constructor(
    readonly _ctx: SpreadsheetState,
    readonly _sheet: SheetObj,
    public _data: ChartData,
  ) {
    super(_ctx.core, "EmbeddedChart", false);
  }
  getRanges(): RangeObj[] {
    return this._data.ranges.map((a1) => this._sheet._ss.getRange(a1));
  }
  getOptions(): { get(key: string): unknown } {
    const options = this._data.options;
    return { get: (key: string) => options[key] ?? null };
  }
  getType(): string {
    return this._data.type;
  }
}

export class ChartsObj extends Emulated {
  readonly ChartType = ChartType;
  constructor(core: Core) {
    super(core, "Charts");
  }
}
