#!/usr/bin/env bash
# The system packages the tests need, from Debian's archive: Chromium (browser tests, PDF print),
# poppler-utils (pdftotext: `import FILE.pdf`, and to check the printed book), qpdf (the tests' encrypted PDF), libxml2-utils (xmllint, IATI schema
# validation), LibreOffice Calc without GUI (the CSV/XLSX exports must open in it), the Amiri font
# (fonts-hosny-amiri: the Arabic book, `export --format pdf --lang ar`, is set in it).
# Installs only what is missing, so a prepared machine pays nothing.
set -euo pipefail

needed=()
command -v chromium >/dev/null 2>&1 || needed+=(chromium)
command -v pdftotext >/dev/null 2>&1 || needed+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || needed+=(qpdf)
command -v xmllint >/dev/null 2>&1 || needed+=(libxml2-utils)
command -v soffice >/dev/null 2>&1 || needed+=(libreoffice-calc-nogui)
fc-list 2>/dev/null | grep -qi amiri || needed+=(fonts-hosny-amiri)

if [ ${#needed[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "missing system packages: ${needed[*]} — run as root: apt-get install ${needed[*]}" >&2
  exit 1
fi
echo "system packages: installing ${needed[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
echo "system packages: installed ${needed[*]}"
