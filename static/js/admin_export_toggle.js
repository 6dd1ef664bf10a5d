// The export page's "Select all" box (templates/admin/import_export/export.html): the
// library's handler, attached here because the CSP refuses inline handlers.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".select-toggle").forEach((toggle) => {
    toggle.addEventListener("change", onSelectToggleChange);
  });
});
