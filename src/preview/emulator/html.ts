// HtmlService: outputs from the built files (dist/NAME.html) or from strings.
import { type Core, Emulated } from "./core";
import { SandboxMode, XFrameOptionsMode } from "./enums";

export class HtmlServiceObj extends Emulated {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  constructor(
    core: Core,
    readonly _files: (name: string) => string | null,
  ) {
    super(core, "HtmlService");
  }
  createHtmlOutput(html?: unknown): HtmlOutputObj {
    return new HtmlOutputObj(this._core, html === undefined || html === null ? "" : String(html));
  }
  createHtmlOutputFromFile(name: string): HtmlOutputObj {
    const n = String(name).replace(/\.html$/, "");
    const content = this._files(n);
    if (content === null) throw this._core.error(`No HTML file named ${n} was found.`);
    return new HtmlOutputObj(this._core, content);
  }
}

export class HtmlOutputObj extends Emulated {
  _title = "";
  _width: number | undefined;
  _height: number | undefined;
  constructor(
    core: Core,
    public _content: string,
  ) {
    super(core, "HtmlOutput");
  }
  setTitle(title: string): HtmlOutputObj {
    this._title = String(title);
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setWidth(width: number): HtmlOutputObj {
    this._width = Number(width);
    return this;
  }
  getWidth(): number {
    return this._width ?? 0;
  }
  setHeight(height: number): HtmlOutputObj {
    this._height = Number(height);
    return this;
  }
  getHeight(): number {
    return this._height ?? 0;
  }
  getContent(): string {
    return this._content;
  }
  append(html: string): HtmlOutputObj {
    this._content += String(html);
    return this;
  }
}
