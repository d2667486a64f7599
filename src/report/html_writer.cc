// RenderHtml: one self-contained, print-friendly HTML file with inline CSS and SVG.
#include "medtra/report/document.h"
#include "report/escape.h"

namespace medtra::report {
namespace {

constexpr const char* kStyle = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;
max-width:70rem;padding:0 1rem;color:#1b1f24;line-height:1.45}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.3rem;margin-top:2.2rem;
border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0 1rem;font-size:.92rem}
th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f5f7}tr:nth-child(even) td{background:#fafbfc}
figure{margin:1rem 0;display:inline-block;vertical-align:top;margin-right:2rem}
figcaption{font-size:.9rem;color:#57606a;margin-top:.3rem}
.subtitle{color:#57606a}nav ol{columns:2;font-size:.92rem}
@media print{body{max-width:none;margin:0}h2{break-after:avoid}tr,figure{break-inside:avoid}
thead{display:table-header-group}
nav{display:none}a{color:inherit;text-decoration:none}}
)";

/// Appends `open`, the escaped text and `close`.
void Element(std::string_view open, std::string_view text, std::string_view close,
             std::string* out) {
  out->append(open);
  AppendEscapedHtml(text, out);
  out->append(close);
}

void RenderTable(const Table& table, std::string* out) {
  *out += "<table>\n<thead><tr>";
  for (const std::string& h : table.header) Element("<th>", h, "</th>", out);
  *out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : table.rows) {
    *out += "<tr>";
    for (const std::string& cell : row) Element("<td>", cell, "</td>", out);
    *out += "</tr>\n";
  }
  *out += "</tbody>\n</table>\n";
}

void RenderBlock(const Block& block, std::string* out) {
  switch (block.kind) {
    case Block::Kind::kParagraph:
      Element("<p>", block.text, "</p>\n", out);
      break;
    case Block::Kind::kTable:
      RenderTable(block.table, out);
      break;
    case Block::Kind::kList:
      *out += "<ul>\n";
      for (const std::string& item : block.items) Element("<li>", item, "</li>\n", out);
      *out += "</ul>\n";
      break;
    case Block::Kind::kFigure:
      *out += "<figure>\n";
      *out += block.svg;
      Element("<figcaption>", block.text, "</figcaption>\n</figure>\n", out);
      break;
  }
}

/// A guess of the output size, to allocate it once.
size_t SizeHint(const Document& document) {
  size_t bytes = 8192;
  for (const Section& section : document.sections) {
    for (const Block& block : section.blocks) {
      bytes += block.text.size() + block.svg.size() + 32;
      for (const auto& row : block.table.rows) {
        for (const std::string& cell : row) bytes += cell.size() + 9;
        bytes += 10;
      }
      for (const std::string& item : block.items) bytes += item.size() + 10;
    }
  }
  return bytes + bytes / 4;  // escaping lengthens text; reserved but unwritten pages cost nothing
}

}  // namespace

std::string RenderHtml(const Document& document) {
  std::string out;
  out.reserve(SizeHint(document));
  Element(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
      document.title, "</title>\n<style>", &out);
  out += kStyle;
  out += "</style>\n</head>\n<body>\n";
  Element("<h1>", document.title, "</h1>\n", &out);
  if (!document.subtitle.empty()) {
    Element("<p class=\"subtitle\">", document.subtitle, "</p>\n", &out);
  }
  out += "<nav><ol>\n";
  for (const Section& section : document.sections) {
    Element("<li><a href=\"#", section.id, "\">", &out);
    Element("", section.title, "</a></li>\n", &out);
  }
  out += "</ol></nav>\n";
  for (const Section& section : document.sections) {
    Element("<section id=\"", section.id, "\">\n<h2>", &out);
    Element("", section.title, "</h2>\n", &out);
    for (const Block& block : section.blocks) RenderBlock(block, &out);
    out += "</section>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace medtra::report
