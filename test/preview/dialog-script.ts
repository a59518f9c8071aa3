// A small server script that opens a dialog from the add-on menu or the sidebar, for the
// preview's dialog tests (the meeting view is one such dialog).
export const DIALOG_SCRIPT = `
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu()
    .addItem("Buka rapat", "showMeeting")
    .addSeparator()
    .addItem("Buka sidebar", "showSidebar")
    .addToUi();
}
function showSidebar() {}
function showMeeting() {
  var html = '<!DOCTYPE html><html><head><title>Rapat</title></head><body>' +
    '<p id="who">…</p><button id="done" type="button">Selesai</button>' +
    '<script>google.script.run.withSuccessHandler(function (v) {' +
    ' document.getElementById("who").textContent = v; }).whoAmI();' +
    'document.getElementById("done").addEventListener("click", function () {' +
    ' google.script.host.close(); });<\\/script></body></html>';
  SpreadsheetApp.getUi().showModalDialog(
    HtmlService.createHtmlOutput(html).setWidth(520).setHeight(320), "Rapat panel");
}
function whoAmI() { return "rapat: " + Session.getActiveUser().getEmail(); }
`;
