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

/* Full-size view of a figure: a click (or Enter) on a figure opens its SVG at its natural size in a modal
   dialog that scrolls both ways, so a phone shows every label at its drawn size. The figure is a link to its
   own SVG file (tools/hooks/execute.py, a relative URL: any origin, any base path), which is what opens
   without this script or with a modifier key. Escape, the close button or a click beside the figure closes it. */
document.addEventListener("click", function (event) {
  var link = event.target instanceof Element && event.target.closest("a.mlnotes-figure-link");
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  var small = link.querySelector("img");
  if (!small || typeof HTMLDialogElement !== "function") return;
  event.preventDefault();
  event.stopPropagation();
  var zh = (document.documentElement.lang || "").toLowerCase().indexOf("zh") === 0;
  var dialog = document.createElement("dialog");
  dialog.className = "mlnotes-zoom";
  dialog.setAttribute("aria-label", (zh ? "原尺寸的图：" : "Figure at full size: ") + small.alt);
  var close = document.createElement("button");
  close.type = "button";
  close.className = "mlnotes-zoom__close";
  close.setAttribute("aria-label", zh ? "关闭" : "Close");
  close.title = zh ? "关闭（Esc）" : "Close (Esc)";
  close.textContent = "\u00d7";
  var pane = document.createElement("div");
  pane.className = "mlnotes-zoom__pane";
  var big = document.createElement("img");
  big.className = "mlnotes-zoom__img";
  big.src = link.getAttribute("href");
  big.alt = small.alt;
  // the SVG's own size (1 pt = 4/3 px); its file has no intrinsic size, the width and height attributes
  // (its viewBox, tools/hooks/execute.py) give the aspect ratio
  ["width", "height"].forEach(function (name) {
    if (small.hasAttribute(name)) big.setAttribute(name, small.getAttribute(name));
  });
  var widthPt = parseFloat(small.dataset.widthPt);
  if (widthPt > 0) big.style.width = (widthPt * 4 / 3).toFixed(0) + "px";
  pane.appendChild(big);
  dialog.appendChild(close);
  dialog.appendChild(pane);
  close.addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (e) { if (e.target === dialog || e.target === pane) dialog.close(); });
  dialog.addEventListener("close", function () { dialog.remove(); link.focus(); });
  document.body.appendChild(dialog);
  dialog.showModal();
  close.focus();
}, true);

/* Say what a figure's link does, in the page's language. */
document.addEventListener("DOMContentLoaded", function () {
  var zh = (document.documentElement.lang || "").toLowerCase().indexOf("zh") === 0;
  document.querySelectorAll("a.mlnotes-figure-link").forEach(function (link) {
    link.title = zh ? "点击查看原尺寸" : "Open at full size";
  });
});
