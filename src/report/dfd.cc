// DFD rendering: DOT generation, and SVG through libgvc (agmemread, gvLayout, gvRenderData).
#include "medtra/report/dfd.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <unordered_map>

#include "report/escape.h"

namespace medtra::report {
namespace {

/// 0 no threat, 1 all decided/mitigated, 2..4 open with rising likelihood.
int Severity(const rules::Threat& t, const model::RiskMethod& method) {
  if (t.status != rules::ThreatStatus::kOpen) return 1;
  const int n = static_cast<int>(method.likelihood.size());
  const int at = method.LikelihoodIndex(t.likelihood);
  if (n <= 1 || at < 0) return 3;
  if (at == n - 1) return 4;
  return at == 0 ? 2 : 3;
}

std::string_view Colour(int severity) {
  switch (severity) {
    case 1:
      return "#2e7d32";
    case 2:
      return "#c9a000";
    case 3:
      return "#ef6c00";
    case 4:
      return "#c62828";
    default:
      return "#9e9e9e";
  }
}

// Graphviz's default ID discipline uses the address of a name as its ID and emits subgraphs and
// nodes in ID order, so the SVG would depend on the heap. This one numbers names in the order
// they are first seen: the same DOT always gives the same SVG.
struct IdState {
  std::unordered_map<std::string, IDTYPE> ids;
  std::deque<std::string> names;  // names[id / 2 - 1]; stable addresses
  IDTYPE anonymous = 1;
};

void* IdOpen(Agraph_t*, Agdisc_t*) { return new IdState; }

long IdMap(void* state, int, char* str, IDTYPE* id, int createflag) {
  auto* s = static_cast<IdState*>(state);
  if (str == nullptr) {
    *id = s->anonymous;
    s->anonymous += 2;
    return 1;
  }
  const auto it = s->ids.find(str);
  if (it != s->ids.end()) {
    *id = it->second;
  } else if (createflag) {
    s->names.emplace_back(str);
    *id = static_cast<IDTYPE>(2 * s->names.size());
    s->ids.emplace(str, *id);
  } else {
    *id = 0;
  }
  return 1;
}

long IdAlloc(void*, int, IDTYPE) { return 0; }
void IdFree(void*, int, IDTYPE) {}

char* IdPrint(void* state, int, IDTYPE id) {
  auto* s = static_cast<IdState*>(state);
  if (id == 0 || id % 2 != 0 || id / 2 > s->names.size()) return nullptr;
  return s->names[id / 2 - 1].data();
}

void IdClose(void* state) { delete static_cast<IdState*>(state); }
void IdRegister(void*, int, void*) {}

Agiddisc_t kIdDisc = {IdOpen, IdMap, IdAlloc, IdFree, IdPrint, IdClose, IdRegister};

struct Reader {
  const std::string* text;
  size_t at = 0;
};

// The plugins the SVG needs, linked in: the dot layout and the core SVG renderer. Without demand
// loading, Graphviz loads no other plugin from its configuration; in particular not the pango
// text layout, whose metrics depend on the fonts installed (the SVG would differ from machine to
// machine) and which keeps a pointer to a freed font name between layouts (a use after free in
// Graphviz 2.42 that AddressSanitizer reports). Text is then measured with Graphviz's own
// built-in font metrics: the same on every machine.
extern "C" gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern "C" gvplugin_library_t gvplugin_core_LTX_library;
const lt_symlist_t kPlugins[] = {
    {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
    {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
    {nullptr, nullptr},
};

/// Hands the lexer one line at a time, as agmemread() does.
int ReadLine(void* chan, char* buf, int size) {
  auto* r = static_cast<Reader*>(chan);
  int n = 0;
  while (n < size && r->at < r->text->size()) {
    const char c = (*r->text)[r->at++];
    buf[n++] = c;
    if (c == '\n') break;
  }
  return n;
}

}  // namespace

std::string WriteDfdDot(const model::SystemModel& model, const DfdStyle& style) {
  std::string dot = "digraph " + style.graph_name +
                    " {\n  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=11];\n"
                    "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f5f5f5\", "
                    "fontname=\"Helvetica\", fontsize=10];\n"
                    "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  std::unordered_map<std::string_view, std::vector<size_t>> by_zone;
  std::vector<size_t> unzoned;
  for (size_t i = 0; i < model.components.size(); ++i) {
    const model::Component& c = model.components[i];
    if (c.zone.empty() || model.FindZone(c.zone) == nullptr) {
      unzoned.push_back(i);
    } else {
      by_zone[c.zone].push_back(i);
    }
  }
  const DfdElementStyle none;
  auto label = [](std::string text, const DfdElementStyle& s) {
    for (const std::string& line : s.extra_lines) text += "\n" + line;
    return QuoteDot(text);
  };
  auto node = [&](size_t i, std::string_view indent) {
    const model::Component& c = model.components[i];
    const DfdElementStyle& s = i < style.components.size() ? style.components[i] : none;
    dot += std::string(indent) + QuoteDot(c.id) +
           " [label=" + label(c.name.empty() ? c.id : c.name + "\n(" + c.kind + ")", s);
    if (!s.color.empty()) dot += ", color=" + QuoteDot(s.color);
    if (!s.penwidth.empty()) dot += ", penwidth=" + s.penwidth;
    if (!s.style.empty()) dot += ", style=" + QuoteDot("rounded,filled," + s.style);
    if (!s.fillcolor.empty()) dot += ", fillcolor=" + QuoteDot(s.fillcolor);
    if (style.component_ids) dot += ", id=" + QuoteDot("component-" + c.id);
    dot += "];\n";
  };
  for (size_t z = 0; z < model.zones.size(); ++z) {
    const model::Zone& zone = model.zones[z];
    const auto it = by_zone.find(zone.id);
    if (it == by_zone.end()) continue;
    dot += "  subgraph " + QuoteDot("cluster_" + zone.id) +
           " {\n    label=" + QuoteDot(zone.name + " [" + zone.kind + "]") +
           ";\n    style=dashed;\n    color=\"#607d8b\";\n";
    for (const size_t c : it->second) node(c, "    ");
    dot += "  }\n";
  }
  for (const size_t c : unzoned) node(c, "  ");
  for (const DfdExtra& n : style.nodes) {
    dot += "  " + QuoteDot(n.id) + " [label=" + QuoteDot(n.label) +
           (n.attributes.empty() ? "" : ", " + n.attributes) + ", id=" + QuoteDot(n.id) + "];\n";
  }
  for (size_t i = 0; i < model.flows.size(); ++i) {
    const model::Flow& f = model.flows[i];
    const DfdElementStyle& s = i < style.flows.size() ? style.flows[i] : none;
    const std::string colour = QuoteDot(s.color.empty() ? std::string(Colour(0)) : s.color);
    dot += "  " + QuoteDot(f.from) + " -> " + QuoteDot(f.to) +
           " [label=" + label(f.id + " (" + f.medium + ")", s) + ", color=" + colour +
           ", fontcolor=" + colour + ", penwidth=" + (s.penwidth.empty() ? "1" : s.penwidth) +
           (s.style.empty() ? "" : ", style=" + QuoteDot(s.style)) +
           ", id=" + QuoteDot("flow-" + f.id) + "];\n";
  }
  for (const DfdExtra& e : style.edges) {
    dot += "  " + QuoteDot(e.from) + " -> " + QuoteDot(e.to) + " [label=" + QuoteDot(e.label) +
           (e.attributes.empty() ? "" : ", " + e.attributes) + ", id=" + QuoteDot(e.id) + "];\n";
  }
  return dot + "}\n";
}

std::string RenderDfdDot(const analysis::Analysis& analysis) {
  const model::SystemModel& model = *analysis.model;
  std::unordered_map<std::string_view, int> worst;
  std::unordered_map<std::string_view, int> open;
  for (const rules::Threat& t : analysis.threats) {
    for (const std::string& target : t.targets) {
      if (model.FindFlow(target) == nullptr) continue;
      int& w = worst[target];
      w = std::max(w, Severity(t, model.risk_method));
      if (t.status == rules::ThreatStatus::kOpen) ++open[target];
    }
  }
  DfdStyle style;
  for (const model::Flow& f : model.flows) {
    const auto w = worst.find(f.id);
    const int severity = w == worst.end() ? 0 : w->second;
    DfdElementStyle& s = style.flows.emplace_back();
    s.color = Colour(severity);
    s.penwidth = severity >= 2 ? "2" : "1";
    if (const auto o = open.find(f.id); o != open.end())
      s.extra_lines.push_back(std::to_string(o->second) + " open");
  }
  return WriteDfdDot(model, style);
}

Status CheckDfdSize(const model::SystemModel& model, const DfdOptions& options) {
  if (model.components.size() + model.flows.size() <= options.max_elements) return Status::Ok();
  return Status::Error("the data-flow diagram has more than " +
                       std::to_string(options.max_elements) + " elements");
}

Result<std::string> RenderDfdSvg(const analysis::Analysis& analysis, const DfdOptions& options) {
  if (const Status size = CheckDfdSize(*analysis.model, options); !size.ok())
    return Result<std::string>::Error(size.message() + "; render report.dot with Graphviz instead");
  return RenderDotSvg(RenderDfdDot(analysis));
}

Result<std::string> RenderDotSvg(const std::string& dot) {
  GVC_t* gvc = gvContextPlugins(kPlugins, 0);
  if (gvc == nullptr) return Result<std::string>::Error("cannot start Graphviz");
  Agiodisc_t io = AgIoDisc;
  io.afread = ReadLine;
  Agdisc_t disc = {&AgMemDisc, &kIdDisc, &io};
  Reader reader{&dot};
  Agraph_t* graph = agread(&reader, &disc);
  if (graph == nullptr) {
    gvFreeContext(gvc);
    return Result<std::string>::Error("Graphviz cannot read the diagram");
  }
  std::string svg;
  char* data = nullptr;
  unsigned int length = 0;
  const bool ok = gvLayout(gvc, graph, "dot") == 0 &&
                  gvRenderData(gvc, graph, "svg", &data, &length) == 0 && data != nullptr;
  if (data != nullptr) {
    svg.assign(data, length);
    gvFreeRenderData(data);
  }
  gvFreeLayout(gvc, graph);
  agclose(graph);
  gvFreeContext(gvc);
  if (!ok) return Result<std::string>::Error("Graphviz cannot lay out the diagram");
  const size_t start = svg.find("<svg");
  return start == std::string::npos ? svg : svg.substr(start);
}

}  // namespace medtra::report
