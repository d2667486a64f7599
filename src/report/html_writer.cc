// RenderHtml: one self-contained, print-friendly HTML file with inline CSS and SVG.
#include "medtra/report/document.h"
#include "report/html_escape.h"

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
@media print{body{max-width:none;margin:0}h2{break-after:avoid}table,figure{break-inside:avoid}
nav{display:none}a{color:inherit;text-decoration:none}}
)";

}  // namespace

std::string RenderHtml(const Document& document) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      EscapeHtml(document.title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  out += "<h1>" + EscapeHtml(document.title) + "</h1>\n";
  if (!document.subtitle.empty()) {
    out += "<p class=\"subtitle\">" + EscapeHtml(document.subtitle) + "</p>\n";
  }
  out += "<nav><ol>\n";
  for (const Section& section : document.sections) {
    out += "<li><a href=\"#" + EscapeHtml(section.id) + "\">" + EscapeHtml(section.title) +
           "</a></li>\n";
  }
  out += "</ol></nav>\n";
  for (const Section& section : document.sections) {
    out += "<section id=\"" + EscapeHtml(section.id) + "\">\n<h2>" + EscapeHtml(section.title) +
           "</h2>\n";
    for (const Block& block : section.blocks) {
      switch (block.kind) {
        case Block::Kind::kParagraph:
          out += "<p>" + EscapeHtml(block.text) + "</p>\n";
          break;
        case Block::Kind::kTable:
          out += "<table>\n<thead><tr>";
          for (const std::string& h : block.table.header) out += "<th>" + EscapeHtml(h) + "</th>";
          out += "</tr></thead>\n<tbody>\n";
          for (const auto& row : block.table.rows) {
            out += "<tr>";
            for (const std::string& cell : row) out += "<td>" + EscapeHtml(cell) + "</td>";
            out += "</tr>\n";
          }
          out += "</tbody>\n</table>\n";
          break;
        case Block::Kind::kList:
          out += "<ul>\n";
          for (const std::string& item : block.items) out += "<li>" + EscapeHtml(item) + "</li>\n";
          out += "</ul>\n";
          break;
        case Block::Kind::kFigure:
          out += "<figure>\n" + block.svg + "<figcaption>" + EscapeHtml(block.text) +
                 "</figcaption>\n</figure>\n";
          break;
      }
    }
    out += "</section>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace medtra::report
