/* Language switcher: go to the same page of the other language at the same section.
   The link already points at the other language's page (relative to this one); the heading ids are
   the same in both languages (tools/hooks/headings.py), so the current #section is kept as it is.
   Runs in the capture phase, before Material's own handler (which looks pages up in sitemap.xml,
   whose absolute URLs only work at the build origin). */
document.addEventListener("click", function (event) {
  var link = event.target instanceof Element && event.target.closest("a[data-mlnotes-switch]");
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  event.stopPropagation();
  location.href = link.href.split("#")[0] + location.hash;
}, true);
