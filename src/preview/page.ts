// The preview page (GET /) and the google.script.run shim injected into the sidebar. Every
// piece of data reaches the DOM through textContent or attributes, never through innerHTML.

/** JSON safe to place inside a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * google.script.run and google.script.host for the sidebar in the preview: any function name,
 * withSuccessHandler / withFailureHandler / withUserObject chained in any order, each call a
 * POST /rpc/NAME with the user and locale; the failure handler gets an Error with the server's
 * message. After each call the parent page is told, so it can refresh the grid.
 */
export function shimScript(user: string, locale: string): string {
  return `(function () {
  "use strict";
  var boot = ${scriptJson({ user, locale })};
  function notify(message) {
    try {
      if (window.parent && window.parent !== window) window.parent.postMessage(message, location.origin);
    } catch (e) {}
  }
  function later(fn) { setTimeout(fn, 0); }
  // google.script.run's rules (src/preview/wire.ts): a Date, a function, a class instance or
  // a cycle fails the call; undefined in an array is null; an undefined property is dropped.
  function wire(value, key, open) {
    if (value === null || typeof value === "string" || typeof value === "boolean" || typeof value === "number") return value;
    if (typeof value !== "object" || open.indexOf(value) >= 0) throw new Error("Failed due to illegal value in property: " + key);
    open.push(value);
    var out;
    if (Array.isArray(value)) {
      out = value.map(function (item, i) { return item === undefined ? null : wire(item, String(i), open); });
    } else {
      var proto = Object.getPrototypeOf(value);
      if (proto !== null && Object.getPrototypeOf(proto) !== null) throw new Error("Failed due to illegal value in property: " + key);
      out = {};
      Object.keys(value).forEach(function (k) { if (value[k] !== undefined) out[k] = wire(value[k], k, open); });
    }
    open.pop();
    return out;
  }
  function invoke(name, args, success, failure, userObject) {
    var body;
    try {
      body = JSON.stringify({ args: wire(args, "0", []), user: boot.user, locale: boot.locale });
    } catch (e) {
      later(function () { fail(e instanceof Error ? e : new Error(String(e))); });
      return;
    }
    function fail(error) {
      if (failure) failure(error, userObject);
      else if (window.console) console.error("google.script.run " + name + " failed: " + error.message);
    }
    fetch("/rpc/" + encodeURIComponent(name), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: body
    }).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try { data = JSON.parse(text); } catch (e) {}
        if (!data || typeof data !== "object") throw new Error("HTTP " + response.status);
        return data;
      });
    }).then(function (data) {
      notify({ type: "qw-rpc", name: name, ok: data.ok === true });
      if (data.ok === true) { if (success) success(data.value, userObject); }
      else fail(new Error(data.error && typeof data.error.message === "string" ? data.error.message : "Error"));
    }, function (error) {
      notify({ type: "qw-rpc", name: name, ok: false });
      fail(error instanceof Error ? error : new Error(String(error)));
    });
  }
  function runner(success, failure, userObject) {
    return new Proxy({}, {
      get: function (_target, prop) {
        if (typeof prop !== "string" || prop === "then") return undefined;
        if (prop === "withSuccessHandler") return function (fn) { return runner(fn, failure, userObject); };
        if (prop === "withFailureHandler") return function (fn) { return runner(success, fn, userObject); };
        if (prop === "withUserObject") return function (obj) { return runner(success, failure, obj); };
        return function () {
          invoke(prop, Array.prototype.slice.call(arguments), success, failure, userObject);
        };
      }
    });
  }
  window.google = window.google || {};
  window.google.script = {
    run: runner(null, null, undefined),
    host: {
      origin: location.origin,
      close: function () { notify({ type: "qw-close" }); },
      setHeight: function () {},
      setWidth: function () {},
      editor: { focus: function () { notify({ type: "qw-focus-editor" }); } }
    },
    url: { getLocation: function (cb) { cb({ hash: "", parameter: {}, parameters: {} }); } }
  };
})();`;
}

/** Puts the locale into the boot element and the shim before the app's script. */
export function previewSidebarHtml(template: string, user: string, locale: string): string {
  const placeholder = '{"locale":"id"}';
  let html = template.replace(placeholder, () => scriptJson({ locale }));
  const shim = `<script>${shimScript(user, locale).replace(/<\/(script)/gi, "<\\/$1")}</script>\n`;
  // Before the first executable <script> (the qw-boot element is JSON, not code).
  const re = /<script(?![^>]*type="application\/json")[^>]*>/i;
  const m = re.exec(html);
  html = m
    ? html.slice(0, m.index) + shim + html.slice(m.index)
    : html.replace("</head>", `${shim}</head>`);
  return html;
}

export const PREVIEW_PAGE = `<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Penilaian Quickwin — pratinjau / preview</title>
<style>
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body { font-family: Arial, Roboto, sans-serif; font-size: 13px; color: #202124; display: flex; flex-direction: column; }
header { display: flex; gap: 12px; align-items: center; padding: 8px 12px; border-bottom: 1px solid #dadce0; background: #f8f9fa; flex-wrap: wrap; }
header h1 { font-size: 15px; margin: 0 12px 0 0; }
label { display: inline-flex; gap: 6px; align-items: center; }
select, input, button { font: inherit; }
button { border: 1px solid #dadce0; border-radius: 4px; background: #fff; padding: 3px 10px; cursor: pointer; }
button.action { background: #1a73e8; color: #fff; border-color: #1a73e8; }
main { flex: 1; display: flex; min-height: 0; }
#workbook { flex: 1; display: flex; flex-direction: column; min-width: 0; }
#bar { display: flex; gap: 6px; align-items: center; padding: 6px 8px; border-bottom: 1px solid #dadce0; }
#ref { width: 70px; color: #5f6368; }
#cell-input { flex: 1; padding: 3px 6px; border: 1px solid #dadce0; border-radius: 3px; }
#status { color: #5f6368; min-width: 12em; }
#status.error { color: #c5221f; }
#grid-wrap { flex: 1; overflow: auto; }
table { border-collapse: collapse; font-size: 12px; }
th, td { border: 1px solid #e0e0e0; padding: 2px 6px; white-space: nowrap; max-width: 260px; overflow: hidden; text-overflow: ellipsis; height: 21px; }
th { background: #f1f3f4; color: #5f6368; font-weight: normal; position: sticky; top: 0; z-index: 1; }
th.row { position: sticky; left: 0; z-index: 0; text-align: right; }
td.num { text-align: right; }
td.formula { color: #188038; }
td.error { color: #c5221f; }
td.sel { outline: 2px solid #1a73e8; outline-offset: -2px; }
#sheet-tools { display: flex; gap: 6px; align-items: center; padding: 4px 8px; border-bottom: 1px solid #dadce0; flex-wrap: wrap; }
#sheet-tools input[type="number"] { width: 5em; }
#overlay { position: fixed; inset: 0; background: rgba(32, 33, 36, 0.6); display: flex; align-items: center; justify-content: center; z-index: 10; }
#dialog-box { background: #fff; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,0.3); display: flex; flex-direction: column; max-width: 95vw; max-height: 95vh; }
#dialog-title { display: flex; justify-content: space-between; align-items: center; padding: 12px 16px; font-size: 16px; }
#dialog-frame { border: 0; flex: none; } /* its height is set from the dialog's own (flex: 1 would collapse it) */
#tabs { display: flex; gap: 2px; padding: 4px 8px; border-top: 1px solid #dadce0; background: #f8f9fa; overflow-x: auto; }
#tabs button { border-radius: 0 0 4px 4px; flex: none; white-space: nowrap; } /* a tab's name on one line; the bar scrolls */
#tabs button[aria-selected="true"] { background: #e8f0fe; color: #1967d2; font-weight: bold; }
#side { width: 302px; border-left: 1px solid #dadce0; display: flex; flex-direction: column; }
#side-title { padding: 6px 8px; border-bottom: 1px solid #dadce0; display: flex; justify-content: space-between; align-items: center; }
#sidebar { width: 300px; flex: 1; border: 0; }
#reopen { margin: 12px; }
.hidden { display: none !important; }
</style>
</head>
<body>
<header>
  <h1>Penilaian Quickwin — pratinjau</h1>
  <label>Pengguna / user <select id="user"></select></label>
  <label>atau / or <input id="other-user" type="email" placeholder="email@contoh.go.id" size="22"></label>
  <label>Bahasa / language <select id="locale"><option value="id">Indonesia (id)</option><option value="en">English (en)</option></select></label>
  <label>Add-on <select id="addon-menu"><option value="">menu…</option></select></label>
  <button id="refresh" type="button">Muat ulang / reload</button>
  <span id="status" role="status" aria-live="polite"></span>
</header>
<main>
  <section id="workbook" aria-label="Spreadsheet">
    <div id="bar">
      <span id="ref" aria-label="Cell">A1</span>
      <input id="cell-input" aria-label="Isi sel / cell content (Enter writes as a person typing)" autocomplete="off">
    </div>
    <div id="sheet-tools" role="group" aria-label="Sheet dan baris / sheets and rows">
      <input id="sheet-name" aria-label="Nama sheet / sheet name" placeholder="nama sheet / sheet name" size="16">
      <button id="add-sheet" type="button">+ Sheet</button>
      <button id="rename-sheet" type="button">Ganti nama / rename</button>
      <button id="delete-sheet" type="button">Hapus sheet / delete</button>
      <select id="edit-op" aria-label="Ubah baris atau kolom / edit rows or columns">
        <option value="insertRows">Sisipkan baris / insert rows</option>
        <option value="deleteRows">Hapus baris / delete rows</option>
        <option value="insertColumns">Sisipkan kolom / insert columns</option>
        <option value="deleteColumns">Hapus kolom / delete columns</option>
      </select>
      <label>di / at <input id="edit-at" type="number" min="1" value="1"></label>
      <label>jumlah / count <input id="edit-count" type="number" min="1" value="1"></label>
      <button id="apply-edit" type="button">Terapkan / apply</button>
    </div>
    <div id="grid-wrap"><table id="grid"></table></div>
    <nav id="tabs" aria-label="Sheets" role="tablist"></nav>
  </section>
  <aside id="side" aria-label="Sidebar">
    <div id="side-title"><span>Add-on</span><button id="close-side" type="button" aria-label="Close sidebar">×</button></div>
    <iframe id="sidebar" title="Sidebar"></iframe>
    <button id="reopen" class="action hidden" type="button">Buka sidebar / open sidebar</button>
  </aside>
</main>
<div id="overlay" class="hidden">
  <div id="dialog-box" role="dialog" aria-modal="true" aria-labelledby="dialog-title-text">
    <div id="dialog-title"><span id="dialog-title-text"></span><button id="close-dialog" type="button" aria-label="Close dialog">×</button></div>
    <iframe id="dialog-frame" title="Dialog"></iframe>
  </div>
</div>
<script>
(function () {
  "use strict";
  var state = { sheets: [], active: 0, sel: { r: 0, c: 0 }, users: [], user: "", locale: "id", want: null, dialogSeen: 0 };
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function colName(c) { var s = ""; c += 1; while (c > 0) { var m = (c - 1) % 26; s = String.fromCharCode(65 + m) + s; c = Math.floor((c - 1) / 26); } return s; }
  function status(text, isError) { var s = $("status"); s.textContent = text; s.className = isError ? "error" : ""; }
  function params() {
    var q = new URLSearchParams(location.search);
    return { user: q.get("user"), locale: q.get("locale") };
  }
  function api(method, url, body) {
    var write = method !== "GET";
    return fetch(url, { method: method, headers: write ? { "content-type": "application/json" } : {}, body: write ? JSON.stringify(body || {}) : undefined })
      .then(function (r) { return r.json().then(function (d) { if (!r.ok) throw new Error(d && d.error ? d.error.message : "HTTP " + r.status); return d; }); });
  }
  function hasData(sheet) {
    return sheet.values.some(function (row) { return row.some(function (c) { return c !== ""; }); });
  }
  function loadSheets() {
    return api("GET", "/preview/grid").then(function (d) {
      var wanted = state.want;
      var activeName = wanted || (state.sheets[state.active] && state.sheets[state.active].name);
      state.want = null;
      var previousCount = state.sheets.length;
      state.sheets = d.sheets;
      var i = state.sheets.findIndex(function (s) { return s.name === activeName; });
      // A newcomer should not land on a blank "Sheet1": on first load, or when setup has just
      // added sheets while a blank one is shown, open the first sheet that holds data.
      if (i < 0 || (!wanted && state.sheets.length !== previousCount && !hasData(state.sheets[i]))) {
        i = state.sheets.findIndex(hasData);
      }
      state.active = i >= 0 ? i : 0;
      render();
    }).catch(function (e) { status(e.message, true); });
  }
  function loadUsers() {
    return api("GET", "/preview/users").then(function (users) {
      state.users = users;
      var sel = $("user");
      while (sel.firstChild) sel.removeChild(sel.firstChild);
      var known = false;
      users.forEach(function (u) {
        var label = u.email + " — " + (u.role === "coordinator" ? "koordinator" : u.role === "reviewer" ? "penilai" : "bukan anggota / not on panel");
        var o = el("option", { value: u.email }, label);
        if (u.email === state.user) { o.selected = true; known = true; }
        sel.appendChild(o);
      });
      if (!known && state.user) { var o = el("option", { value: state.user }, state.user + " — ?"); o.selected = true; sel.appendChild(o); }
    }).catch(function (e) { status(e.message, true); });
  }
  function render() {
    var tabs = $("tabs");
    while (tabs.firstChild) tabs.removeChild(tabs.firstChild);
    state.sheets.forEach(function (s, i) {
      var b = el("button", { type: "button", role: "tab", "aria-selected": i === state.active ? "true" : "false" }, s.name);
      b.addEventListener("click", function () { state.active = i; state.sel = { r: 0, c: 0 }; render(); });
      tabs.appendChild(b);
    });
    var sheet = state.sheets[state.active];
    var table = $("grid");
    while (table.firstChild) table.removeChild(table.firstChild);
    if (!sheet) return;
    var rows = Math.max(sheet.values.length + 5, 30);
    var cols = Math.max(sheet.values.reduce(function (m, r) { return Math.max(m, r.length); }, 0) + 2, 10);
    var head = el("tr");
    head.appendChild(el("th", { "class": "row" }, ""));
    for (var c = 0; c < cols; c++) head.appendChild(el("th", { scope: "col" }, colName(c)));
    table.appendChild(head);
    for (var r = 0; r < rows; r++) {
      var tr = el("tr");
      tr.appendChild(el("th", { "class": "row", scope: "row" }, String(r + 1)));
      for (var c2 = 0; c2 < cols; c2++) {
        var v = sheet.values[r] ? sheet.values[r][c2] : "";
        var f = sheet.formulas[r] ? sheet.formulas[r][c2] : "";
        var shown = sheet.display[r] ? sheet.display[r][c2] : "";
        var cls = [];
        if (typeof v === "number") cls.push("num");
        if (f) cls.push("formula");
        if (typeof v === "string" && /^#(NAME\\?|REF!|VALUE!|DIV\\/0!|ERROR!|N\\/A|NUM!)$/.test(v)) cls.push("error");
        if (r === state.sel.r && c2 === state.sel.c) cls.push("sel");
        var td = el("td", { "class": cls.join(" "), "data-r": String(r), "data-c": String(c2) }, shown);
        if (f) td.title = f;
        var bg = sheet.backgrounds && sheet.backgrounds[r] ? sheet.backgrounds[r][c2] : null;
        if (bg && cls.indexOf("sel") < 0 && /^#[0-9a-fA-F]{3,8}$/.test(bg)) td.style.backgroundColor = bg;
        tr.appendChild(td);
      }
      table.appendChild(tr);
    }
    showSelection();
  }
  /** What retyping the cell takes: its formula, '-prefixed text, a date as shown. */
  function inputAt(r, c) {
    var sheet = state.sheets[state.active];
    if (!sheet || !sheet.inputs[r]) return "";
    return sheet.inputs[r][c] || "";
  }
  function showSelection() {
    var op = $("edit-op").value;
    $("edit-at").value = String(/Rows$/.test(op) ? state.sel.r + 1 : state.sel.c + 1);
    $("ref").textContent = colName(state.sel.c) + (state.sel.r + 1);
    $("cell-input").value = inputAt(state.sel.r, state.sel.c);
  }
  $("grid").addEventListener("click", function (e) {
    var td = e.target.closest ? e.target.closest("td") : null;
    if (!td) return;
    state.sel = { r: Number(td.getAttribute("data-r")), c: Number(td.getAttribute("data-c")) };
    render();
  });
  $("cell-input").addEventListener("keydown", function (e) {
    if (e.key !== "Enter") return;
    var sheet = state.sheets[state.active];
    if (!sheet) return;
    var range = colName(state.sel.c) + (state.sel.r + 1);
    // Enter on an unchanged cell only moves down, as in Sheets: nothing is rewritten.
    if (e.target.value === inputAt(state.sel.r, state.sel.c)) { state.sel.r += 1; render(); return; }
    api("PUT", "/preview/sheets/" + encodeURIComponent(sheet.name), { range: range, values: [[e.target.value]] })
      .then(function () { status(sheet.name + "!" + range + " ✓"); state.sel.r += 1; return loadSheets(); })
      .catch(function (err) { status(err.message, true); });
  });
  // Tabs and rows by hand, through the same endpoints a test uses (POST/PATCH/DELETE).
  function sheetPath(name) { return "/preview/sheets/" + encodeURIComponent(name); }
  function activeSheetName() { var s = state.sheets[state.active]; return s ? s.name : ""; }
  function byHand(method, url, body, done, want) {
    api(method, url, body).then(function () {
      status(done + " ✓");
      state.want = want || null;
      return loadSheets();
    }).catch(function (err) { status(err.message, true); });
  }
  $("add-sheet").addEventListener("click", function () {
    var name = $("sheet-name").value;
    byHand("POST", "/preview/sheets", { name: name }, "+ " + name, name);
  });
  $("rename-sheet").addEventListener("click", function () {
    var from = activeSheetName(), to = $("sheet-name").value;
    byHand("PATCH", sheetPath(from), { name: to }, from + " → " + to, to);
  });
  $("delete-sheet").addEventListener("click", function () {
    var name = activeSheetName();
    if (!window.confirm("Hapus sheet / delete sheet \u201c" + name + "\u201d?")) return;
    byHand("DELETE", sheetPath(name), {}, "− " + name);
  });
  $("edit-op").addEventListener("change", showSelection);
  $("apply-edit").addEventListener("click", function () {
    var name = activeSheetName();
    var body = { op: $("edit-op").value, at: Number($("edit-at").value), count: Number($("edit-count").value) };
    byHand("POST", sheetPath(name) + "/edit", body, name + ": " + body.op + " " + body.at + " × " + body.count);
  });
  function sidebarUrl() {
    return "/sidebar?user=" + encodeURIComponent(state.user) + "&locale=" + encodeURIComponent(state.locale);
  }
  function openSidebar() {
    $("sidebar").classList.remove("hidden");
    $("reopen").classList.add("hidden");
    $("sidebar").src = sidebarUrl();
    var q = new URLSearchParams({ user: state.user, locale: state.locale });
    history.replaceState(null, "", "/?" + q.toString());
  }
  // A dialog is one person's, in one language (as in Sheets): switching either closes it, so the
  // next user does not act in the previous one's meeting view.
  $("user").addEventListener("change", function (e) { state.user = e.target.value; $("other-user").value = ""; closeDialog(); openSidebar(); loadMenu(); });
  $("other-user").addEventListener("change", function (e) {
    var v = e.target.value.trim();
    if (!v) return;
    state.user = v;
    closeDialog();
    loadUsers();
    openSidebar();
  });
  $("locale").addEventListener("change", function (e) { state.locale = e.target.value; closeDialog(); openSidebar(); loadMenu(); });
  $("refresh").addEventListener("click", function () { loadSheets(); loadUsers(); openSidebar(); });
  $("close-side").addEventListener("click", function () { closeSidebar(); });
  $("reopen").addEventListener("click", openSidebar);
  // The add-on menu (as onOpen builds it) and dialogs a server function opens (Ui.showModalDialog):
  // after every call the page asks for the newest dialog and shows it over the grid.
  function loadMenu() {
    var q = "?user=" + encodeURIComponent(state.user) + "&locale=" + encodeURIComponent(state.locale);
    return api("GET", "/preview/menu" + q).then(function (d) {
      var sel = $("addon-menu");
      while (sel.options.length > 1) sel.remove(1);
      function add(items, prefix) {
        items.forEach(function (item) {
          if (item.submenu) add(item.submenu, item.caption + " › ");
          else if (item.functionName) sel.appendChild(el("option", { value: item.functionName }, prefix + item.caption));
        });
      }
      if (d.menu) add(d.menu.items, "");
    }).catch(function (e) { status(e.message, true); });
  }
  function checkDialog(open) {
    return api("GET", "/preview/dialog").then(function (d) {
      var dialog = d.dialog;
      if (!dialog || dialog.id === state.dialogSeen) return;
      state.dialogSeen = dialog.id;
      if (!open) return;
      $("dialog-title-text").textContent = dialog.title;
      var frame = $("dialog-frame");
      frame.style.width = Math.min(dialog.width, window.innerWidth - 40) + "px";
      frame.style.height = Math.min(dialog.height, window.innerHeight - 100) + "px";
      frame.src = "/dialog/" + dialog.id + "?user=" + encodeURIComponent(state.user) + "&locale=" + encodeURIComponent(state.locale);
      $("overlay").classList.remove("hidden");
    }).catch(function (e) { status(e.message, true); });
  }
  function closeDialog() { $("overlay").classList.add("hidden"); $("dialog-frame").removeAttribute("src"); }
  $("close-dialog").addEventListener("click", closeDialog);
  $("addon-menu").addEventListener("change", function (e) {
    var fn = e.target.value;
    e.target.value = "";
    if (!fn) return;
    api("POST", "/rpc/" + encodeURIComponent(fn), { args: [], user: state.user, locale: state.locale }).then(function (d) {
      status((d.ok ? "✓ " : "✗ ") + fn + (d.ok ? "" : ": " + d.error.message), !d.ok);
      if (fn === "showSidebar") openSidebar();
      loadSheets();
      return checkDialog(true);
    }).catch(function (err) { status(err.message, true); });
  });
  function closeSidebar() { $("sidebar").classList.add("hidden"); $("reopen").classList.remove("hidden"); $("sidebar").removeAttribute("src"); }
  window.addEventListener("message", function (e) {
    if (e.origin !== location.origin || !e.data || typeof e.data !== "object") return;
    var fromDialog = e.source === $("dialog-frame").contentWindow;
    if (e.data.type === "qw-rpc") {
      status((e.data.ok ? "✓ " : "✗ ") + String(e.data.name), !e.data.ok);
      loadSheets();
      loadUsers();
      checkDialog(true);
    } else if (e.data.type === "qw-close") {
      if (fromDialog) closeDialog();
      else closeSidebar();
    }
  });
  var p = params();
  state.locale = p.locale === "en" ? "en" : "id";
  $("locale").value = state.locale;
  loadUsers().then(function () {
    state.user = p.user || (state.users[0] ? state.users[0].email : "");
    var sel = $("user");
    if (state.user) { sel.value = state.user; if (sel.value !== state.user) loadUsers(); }
    openSidebar();
    loadMenu();
  });
  // A dialog opened before this page loaded is not reopened.
  checkDialog(false);
  loadSheets();
})();
</script>
</body>
</html>
`;
