#!/bin/bash
# check-odf.sh CLI VALIDATOR SCHEMA_DIR — the minutes as real consumers read them.
#
# Exports the sample meeting with xetduyet-cli as .odt and .fodt, checks
# both with the OASIS ODF 1.3 schema (the validate-odf script), then has
# LibreOffice turn both into PDF and pdftotext read them back.  Our own
# PDF is read by poppler too (words, fonts, paper) and must print on as
# many pages as LibreOffice's, give or take one.  A missing schema,
# validator, poppler or LibreOffice is reported as a skip, never as a pass.
set -uo pipefail
cli=${1:?usage: check-odf.sh CLI VALIDATOR SCHEMA_DIR}
validator=${2:?usage: check-odf.sh CLI VALIDATOR SCHEMA_DIR}
schema=${3:?usage: check-odf.sh CLI VALIDATOR SCHEMA_DIR}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
ok ()     { n=$((n+1)); echo "ok $n - $1"; }
not_ok () { n=$((n+1)); echo "not ok $n - $1"; shift; printf '# %s\n' "$@"; }
skip ()   { n=$((n+1)); echo "ok $n - $1 # SKIP $2"; }
echo "1..20"

export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset LANGUAGE
db=$tmp/council.sqlite3
odt=$tmp/bien-ban.odt
fodt=$tmp/bien-ban.fodt
pdf_ours=$tmp/bien-ban.pdf

if out=$("$cli" sample --db "$db" 2>&1); then
  ok "the sample meeting loads"
else
  not_ok "the sample meeting loads" "$out"
fi
id=$(printf '%s\n' "$out" | grep -o '[0-9][0-9]*' | tail -n 1)

for f in "$odt" "$fodt"; do
  format=${f##*.}
  if out=$("$cli" export "${id:-1}" --db "$db" --format "$format" -o "$f" 2>&1) && [ -s "$f" ]; then
    ok "xetduyet-cli export --format $format"
  else
    not_ok "xetduyet-cli export --format $format" "$out"
  fi
done

# Usage errors exit 2, a failed task 1, and neither leaves a file.
problems=()
"$cli" export "${id:-1}" --db "$db" --format odt >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || problems+=("no -o: exit $rc, not 2")
"$cli" export "${id:-1}" --db "$db" --format doc -o "$tmp/x.doc" >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || problems+=("--format doc: exit $rc, not 2")
"$cli" export "${id:-1}" --db "$db" -o "$tmp/x.doc" >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || problems+=("no --format and a .doc name: exit $rc, not 2")
"$cli" export 999 --db "$db" --format odt -o "$tmp/x.odt" >/dev/null 2>&1; rc=$?
[ $rc -eq 1 ] || problems+=("no such meeting: exit $rc, not 1")
"$cli" export "${id:-1}" --db "$db" --format odt -o "$tmp/no/such/folder/x.odt" >/dev/null 2>&1; rc=$?
[ $rc -eq 1 ] || problems+=("missing folder: exit $rc, not 1")
leftovers=$(find "$tmp" -mindepth 1 -maxdepth 1 \( -name 'x.*' -o -name '.*' \) | head -n 3)
[ -z "$leftovers" ] || problems+=("files left behind: $leftovers")
if [ ${#problems[@]} -eq 0 ]; then
  ok "export refuses bad arguments with the right exit status"
else
  not_ok "export refuses bad arguments with the right exit status" "${problems[@]}"
fi

# The OASIS schema, through the project's validator.
missing=""
[ -f "$schema/OpenDocument-v1.3-schema.rng" ] || missing="no ODF 1.3 schema in $schema"
[ -n "$missing" ] || [ -f "$validator" ] || missing="no validator at $validator"
for t in jing xmllint unzip python3; do
  [ -n "$missing" ] || command -v $t >/dev/null || missing="$t is not installed"
done
for f in "$odt" "$fodt"; do
  what="validate-odf accepts the ${f##*.} file"
  if [ -n "$missing" ]; then
    skip "$what" "$missing"
  elif out=$(ODF_SCHEMA_DIR=$schema bash "$validator" "$f" 2>&1); then
    ok "$what"
  else
    not_ok "$what" "$out"
  fi
done

# LibreOffice's reading: what it prints must carry every word, with its
# diacritics.  Whitespace is ignored, as pdftotext breaks lines (and words
# where the font changes) as it likes.
needles=(
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
  "Độc lập - Tự do - Hạnh phúc"
  "BIÊN BẢN"
  "Số: 01/BB-BCĐ"
  "Phường Bãi Cháy" "Phường Cao Thắng" "Phường Hồng Gai" "Xã Đồng Lâm" "Xã Quảng La"
  "Thành viên Ban Chỉ đạo có mặt: 8/9 đồng chí"
  "Phường Bãi Cháy: biểu quyết công khai. Tán thành 8/9 thành viên (88,9%)"
  "Xã Quảng La: biểu quyết công khai. Tán thành 7/9 thành viên (77,8%), không tán thành 0, không biểu quyết 1 — đạt quá nửa tổng số thành viên. Kết quả: công nhận."
  "Tổng hợp: 5/5 đơn vị được công nhận"
  "Cuộc họp kết thúc vào 10 giờ 30, ngày 09 tháng 01 năm 2022./."
  "THƯ KÝ" "CHỦ TỌA" "Nguyễn Văn A" "Vũ Văn Diện"
  "Nơi nhận:" "- Lưu: VT, Hồ sơ."
)
squeeze () { tr -d ' \t\n\r\f'; }
declare -A pages

# Our own PDF, from the file name alone, with no display.
if out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$cli" export "${id:-1}" --db "$db" -o "$pdf_ours" 2>&1) &&
   [ "$(head -c 5 "$pdf_ours" 2>/dev/null)" = "%PDF-" ]; then
  ok "xetduyet-cli export -o bien-ban.pdf, with no display"
else
  not_ok "xetduyet-cli export -o bien-ban.pdf, with no display" "$out"
fi
if ! command -v pdftotext >/dev/null || ! command -v pdffonts >/dev/null || ! command -v pdfinfo >/dev/null; then
  skip "our PDF has every word" "poppler-utils not installed"
  skip "our PDF embeds a serif font" "poppler-utils not installed"
  skip "our PDF is A4" "poppler-utils not installed"
else
  text=$(pdftotext -enc UTF-8 "$pdf_ours" - 2>&1 | squeeze)
  absent=()
  for needle in "${needles[@]}"; do
    squeezed=$(printf '%s' "$needle" | squeeze)
    [[ $text == *"$squeezed"* ]] || absent+=("missing: $needle")
  done
  if [ ${#absent[@]} -eq 0 ]; then
    ok "our PDF has every word"
  else
    not_ok "our PDF has every word" "${absent[@]}"
  fi
  fonts=$(pdffonts "$pdf_ours" 2>&1)
  # Columns: name type [type] encoding emb sub uni object ID.
  if printf '%s\n' "$fonts" | grep -E '(LiberationSerif|Times)' | grep -qE ' yes +(yes|no) +(yes|no) +[0-9]+ +[0-9]+ *$'; then
    ok "our PDF embeds a serif font"
  else
    not_ok "our PDF embeds a serif font" "$fonts"
  fi
  size=$(pdfinfo "$pdf_ours" 2>&1 | sed -n 's/^Page size: *//p')
  if [[ $size == "595."*" x 841."* ]]; then
    ok "our PDF is A4 ($size)"
  else
    not_ok "our PDF is A4" "page size: $size"
  fi
  pages[ours]=$(pdfinfo "$pdf_ours" 2>/dev/null | sed -n 's/^Pages: *//p')
fi

# A finalised record carries its verification code at the foot of every
# page, in all three formats; a draft carries none.
final_db=$tmp/final.sqlite3
cp "$db" "$final_db"
code=""
if out=$("$cli" finalize "${id:-1}" --db "$final_db" 2>&1); then
  code=$(printf '%s\n' "$out" | grep -oE '[0-9A-F]{4}(-[0-9A-F]{4}){3}' | head -n 1)
fi
final_ok=1
for format in odt fodt pdf; do
  "$cli" export "${id:-1}" --db "$final_db" --format $format -o "$tmp/final.$format" >/dev/null 2>&1 || final_ok=0
done
if [ -n "$code" ] && [ $final_ok -eq 1 ]; then
  ok "a finalised meeting exports in every format (code $code)"
else
  not_ok "a finalised meeting exports in every format" "$out"
fi
if [ -n "$missing" ]; then
  skip "validate-odf accepts the finalised odt and fodt" "$missing"
elif out=$(ODF_SCHEMA_DIR=$schema bash "$validator" "$tmp/final.odt" 2>&1 &&
           ODF_SCHEMA_DIR=$schema bash "$validator" "$tmp/final.fodt" 2>&1); then
  ok "validate-odf accepts the finalised odt and fodt"
else
  not_ok "validate-odf accepts the finalised odt and fodt" "$out"
fi
# Each page of @pdf shows "Mã kiểm chứng biên bản: CODE"; prints the pages
# that do not.
pages_without_code () {
  local pdf=$1 n
  n=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
  [ -n "$n" ] || { echo "unreadable"; return; }
  for ((p = 1; p <= n; p++)); do
    pdftotext -enc UTF-8 -f $p -l $p "$pdf" - | squeeze |
      grep -qF "$(printf 'Mã kiểm chứng biên bản: %s' "$code" | squeeze)" || printf 'page %d ' $p
  done
}
if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then
  skip "our PDF of the finalised record has the code on every page, the draft's nowhere" "poppler-utils not installed"
else
  without=$(pages_without_code "$tmp/final.pdf")
  in_draft=$(pdftotext -enc UTF-8 "$pdf_ours" - | grep -c "Mã kiểm chứng")
  if [ -n "$code" ] && [ -z "$without" ] && [ "$in_draft" = 0 ]; then
    ok "our PDF of the finalised record has the code on every page, the draft's nowhere"
  else
    not_ok "our PDF of the finalised record has the code on every page, the draft's nowhere" \
      "code: ${code:-none}; pages without it: ${without:-none}; lines with it in the draft: $in_draft"
  fi
fi

soffice=$(command -v soffice || command -v libreoffice || true)
if [ -z "$soffice" ] || ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then
  for f in "$odt" "$fodt"; do
    skip "LibreOffice converts the ${f##*.} file to PDF" "soffice or poppler-utils not installed"
    skip "the PDF of the ${f##*.} file has every word" "soffice or poppler-utils not installed"
  done
  skip "both files print on as many pages" "soffice or poppler-utils not installed"
  skip "our PDF has as many pages as LibreOffice's, give or take one" "soffice or poppler-utils not installed"
  skip "LibreOffice prints the code on every page of the finalised odt and fodt" "soffice or poppler-utils not installed"
  exit 0
fi

for f in "$odt" "$fodt"; do
  ext=${f##*.}
  out_dir=$tmp/pdf-$ext
  pdf=$out_dir/bien-ban.pdf
  # A profile of its own: no first-start dialogs, no lock on the user's.
  if out=$(timeout 100 "$soffice" -env:UserInstallation="file://$tmp/lo-profile-$ext" \
             --headless --norestore --convert-to pdf --outdir "$out_dir" "$f" 2>&1) && [ -s "$pdf" ]; then
    ok "LibreOffice converts the $ext file to PDF"
  else
    not_ok "LibreOffice converts the $ext file to PDF" "$out"
    not_ok "the PDF of the $ext file has every word" "no PDF"
    continue
  fi
  text=$(pdftotext -enc UTF-8 "$pdf" - | squeeze)
  absent=()
  for needle in "${needles[@]}"; do
    squeezed=$(printf '%s' "$needle" | squeeze)
    [[ $text == *"$squeezed"* ]] || absent+=("missing: $needle")
  done
  if [ ${#absent[@]} -eq 0 ]; then
    ok "the PDF of the $ext file has every word"
  else
    not_ok "the PDF of the $ext file has every word" "${absent[@]}"
  fi
  pages[$ext]=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
done

if [ -n "${pages[odt]:-}" ] && [ "${pages[odt]:-}" = "${pages[fodt]:-}" ]; then
  ok "both files print on as many pages (${pages[odt]})"
else
  not_ok "both files print on as many pages" "odt: ${pages[odt]:-?}, fodt: ${pages[fodt]:-?}"
fi

ours=${pages[ours]:-}
theirs=${pages[odt]:-}
if [ -n "$ours" ] && [ -n "$theirs" ] && [ $((ours - theirs)) -le 1 ] && [ $((theirs - ours)) -le 1 ]; then
  ok "our PDF has as many pages as LibreOffice's, give or take one ($ours, $theirs)"
else
  not_ok "our PDF has as many pages as LibreOffice's, give or take one" "ours: ${ours:-?}, LibreOffice: ${theirs:-?}"
fi

# LibreOffice's own reading of the footer we wrote.
without=""
for ext in odt fodt; do
  out_dir=$tmp/final-pdf-$ext
  if timeout 100 "$soffice" -env:UserInstallation="file://$tmp/lo-profile-$ext" \
       --headless --norestore --convert-to pdf --outdir "$out_dir" "$tmp/final.$ext" >/dev/null 2>&1 &&
     [ -s "$out_dir/final.pdf" ]; then
    missing_pages=$(pages_without_code "$out_dir/final.pdf")
    [ -z "$missing_pages" ] || without+="$ext: $missing_pages; "
  else
    without+="$ext: not converted; "
  fi
done
if [ -n "$code" ] && [ -z "$without" ]; then
  ok "LibreOffice prints the code on every page of the finalised odt and fodt"
else
  not_ok "LibreOffice prints the code on every page of the finalised odt and fodt" "code: ${code:-none}; $without"
fi
