#!/usr/bin/env bash
# Make sure the system pieces the site build and the tests need are installed:
#   - a CJK font, so that Chinese labels in figures render (matplotlib draws them as paths);
#   - Debian's chromium, for the browser tests and the PDF (Playwright drives /usr/bin/chromium; its
#     own browser download is not used);
#   - poppler-utils (pdftotext, pdffonts, pdftoppm), for the PDF's table of contents and its tests.
# Usage: tools/system_deps.sh [font] [chromium] [poppler]
# As root, missing pieces are installed with apt-get; otherwise the script says what to install.
set -euo pipefail

want_font=0; want_chromium=0; want_poppler=0
for arg in "$@"; do
  case "$arg" in
    font) want_font=1 ;;
    chromium) want_chromium=1 ;;
    poppler) want_poppler=1 ;;
    *) echo "usage: $0 [font] [chromium] [poppler]" >&2; exit 2 ;;
  esac
done

missing=()
if [ "$want_font" = 1 ] && ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  missing+=(fonts-wqy-microhei fontconfig)
fi
if [ "$want_chromium" = 1 ] && [ ! -x /usr/bin/chromium ]; then
  missing+=(chromium)
fi
if [ "$want_poppler" = 1 ] && ! command -v pdftotext >/dev/null 2>&1; then
  missing+=(poppler-utils)
fi
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages: ${missing[*]}" >&2
  echo "Install them first, e.g. on Debian/Ubuntu:  sudo apt-get install -y ${missing[*]}" >&2
  echo "(a CJK font such as WenQuanYi Micro Hei or Noto Sans CJK SC is needed for Chinese figure labels;" >&2
  echo " /usr/bin/chromium is needed for the browser tests and the PDF, poppler-utils for the PDF)" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing system packages (${missing[*]}) and no apt-get on this machine: install them with your package manager." >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
