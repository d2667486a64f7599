// ParseJUnitXml: JUnit XML (CTest, GoogleTest, pytest, Surefire) -> test results and what they
// state they verified (subject, version, date), with expat.
#include <expat.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "medtra/verify/evidence.h"

namespace medtra::verify {
namespace {

constexpr int kMaxDepth = 256;

struct ParserDeleter {
  void operator()(XML_ParserStruct* parser) const { XML_ParserFree(parser); }
};

const char* Attribute(const XML_Char** attributes, std::string_view name) {
  for (int i = 0; attributes[i] != nullptr; i += 2) {
    if (name == attributes[i]) return attributes[i + 1];
  }
  return nullptr;
}

std::string FirstLine(const char* text) {
  if (text == nullptr) return "";
  std::string line(text);
  const size_t end = line.find('\n');
  if (end != std::string::npos) line.resize(end);
  return line;
}

std::string Text(const char* text) { return text == nullptr ? "" : text; }

/// What one <testsuites> or <testsuite> states: attributes and <properties> kept apart, because a
/// property wins over an attribute of the same element.
struct Suite {
  int parent = -1;
  Provenance attributes;
  Provenance properties;
  std::string timestamp;
};

void Fill(std::string* field, const std::string& first, const std::string& second) {
  if (field->empty()) *field = !first.empty() ? first : second;
}

/// The state of one parse; expat calls back into it.
class JUnitParser {
 public:
  JUnitParser(const std::string& file, Evidence* evidence, DiagnosticSink& sink)
      : file_(file), evidence_(evidence), sink_(sink) {}

  bool Parse(std::string_view content) {
    std::unique_ptr<XML_ParserStruct, ParserDeleter> parser(XML_ParserCreate(nullptr));
    if (!parser) {
      sink_.Error({file_, 0, 0}, "junit-xml", "cannot create an XML parser");
      return false;
    }
    parser_ = parser.get();
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &JUnitParser::OnStart, &JUnitParser::OnEnd);
    XML_SetStartDoctypeDeclHandler(parser_, &JUnitParser::OnDoctype);
    XML_SetEntityDeclHandler(parser_, &JUnitParser::OnEntity);
    const XML_Status status =
        XML_Parse(parser_, content.data(), static_cast<int>(content.size()), XML_TRUE);
    if (status == XML_STATUS_ERROR && !failed_) {
      const int line = static_cast<int>(XML_GetErrorLineNumber(parser_));
      const int col = static_cast<int>(XML_GetErrorColumnNumber(parser_)) + 1;
      sink_.Error({file_, line, col}, "junit-xml",
                  std::string("malformed XML: ") + XML_ErrorString(XML_GetErrorCode(parser_)));
      failed_ = true;
    }
    if (!failed_ && !saw_root_) {
      sink_.Error({file_, 1, 1}, "junit-xml", "not a JUnit XML file: no root element");
      failed_ = true;
    }
    parser_ = nullptr;
    if (failed_) return false;
    for (size_t i = 0; i < results_.size(); ++i) {
      results_[i].provenance = ProvenanceOf(suite_of_[i]);
      evidence_->tests.push_back(std::move(results_[i]));
    }
    evidence_->files.push_back({file_, "evidence"});
    return true;
  }

 private:
  /// Innermost suite first; on one suite a property before an attribute; the date otherwise the
  /// innermost timestamp.
  Provenance ProvenanceOf(int suite) const {
    Provenance p;
    std::string timestamp;
    for (int i = suite; i >= 0; i = suites_[static_cast<size_t>(i)].parent) {
      const Suite& s = suites_[static_cast<size_t>(i)];
      Fill(&p.subject, s.properties.subject, s.attributes.subject);
      Fill(&p.version, s.properties.version, s.attributes.version);
      Fill(&p.date, s.properties.date, s.attributes.date);
      Fill(&p.tester, s.properties.tester, s.attributes.tester);
      Fill(&p.independence, s.properties.independence, s.attributes.independence);
      if (timestamp.empty()) timestamp = s.timestamp;
    }
    if (p.date.empty()) p.date = timestamp;
    return p;
  }

  void Property(const XML_Char** attributes) {
    const std::string name = Text(Attribute(attributes, "name"));
    const std::string value = Text(Attribute(attributes, "value"));
    Provenance& p = suites_[static_cast<size_t>(properties_of_)].properties;
    if (name == "subject") p.subject = value;
    if (name == "version") p.version = value;
    if (name == "date") p.date = value;
    if (name == "tester") p.tester = value;
    if (name == "independence") {
      p.independence = value;
      CheckIndependence(value);
    }
  }

  /// An independence level other than IndependenceLevels() is an error where it is written.
  void CheckIndependence(const std::string& value) {
    const std::vector<std::string>& levels = IndependenceLevels();
    if (value.empty() || std::find(levels.begin(), levels.end(), value) != levels.end()) return;
    std::string names;
    for (const std::string& level : levels) names += (names.empty() ? "" : ", ") + level;
    Fail(Here(), "unknown value '" + value + "' for 'independence'; expected one of: " + names);
  }

  SourceLocation Here() const {
    return {file_, static_cast<int>(XML_GetCurrentLineNumber(parser_)),
            static_cast<int>(XML_GetCurrentColumnNumber(parser_)) + 1};
  }

  void Fail(const SourceLocation& location, std::string message) {
    if (failed_) return;
    failed_ = true;
    sink_.Error(location, "junit-xml", std::move(message));
    XML_StopParser(parser_, XML_FALSE);
  }

  void Start(std::string_view name, const XML_Char** attributes) {
    if (failed_) return;
    if (++depth_ > kMaxDepth) {
      Fail(Here(), "XML nested deeper than " + std::to_string(kMaxDepth) + " elements");
      return;
    }
    if (!saw_root_) {
      saw_root_ = true;
      if (name != "testsuites" && name != "testsuite") {
        Fail(Here(), "not a JUnit XML file: the root element is <" + std::string(name) +
                         ">, expected <testsuites> or <testsuite>");
        return;
      }
    }
    if (name == "testsuites" || name == "testsuite") {
      Suite suite;
      suite.parent = open_.empty() ? -1 : open_.back();
      suite.attributes = {
          Text(Attribute(attributes, "subject")), Text(Attribute(attributes, "version")),
          Text(Attribute(attributes, "date")), Text(Attribute(attributes, "tester")),
          Text(Attribute(attributes, "independence"))};
      CheckIndependence(suite.attributes.independence);
      suite.timestamp = Text(Attribute(attributes, "timestamp"));
      open_.push_back(static_cast<int>(suites_.size()));
      suites_.push_back(std::move(suite));
      suite_depths_.push_back(depth_);
      return;
    }
    if (!in_case_ && name == "properties" && !open_.empty() && suite_depths_.back() + 1 == depth_) {
      properties_of_ = open_.back();
      properties_depth_ = depth_;
      return;
    }
    if (!in_case_ && name == "property" && properties_of_ >= 0 && properties_depth_ + 1 == depth_) {
      Property(attributes);
      return;
    }
    if (name == "testcase") {
      if (in_case_) {
        Fail(Here(), "<testcase> inside another <testcase>");
        return;
      }
      const char* case_name = Attribute(attributes, "name");
      if (case_name == nullptr || *case_name == '\0') {
        Fail(Here(), "<testcase> without a 'name' attribute");
        return;
      }
      const char* classname = Attribute(attributes, "classname");
      TestResult result;
      result.id = case_name;
      if (classname != nullptr && *classname != '\0' && result.id != classname &&
          result.id.rfind(std::string(classname) + ".", 0) != 0) {
        result.id = std::string(classname) + "." + case_name;
      }
      result.status = "passed";
      const std::string status =
          Attribute(attributes, "status") ? Attribute(attributes, "status") : "";
      const std::string outcome =
          Attribute(attributes, "result") ? Attribute(attributes, "result") : "";
      if (status == "notrun" || status == "disabled" || outcome == "skipped" ||
          outcome == "suppressed") {
        result.status = "skipped";
      }
      if (status == "fail" || status == "failed") result.status = "failed";
      result.location = Here();
      current_ = std::move(result);
      in_case_ = true;
      case_depth_ = depth_;
      return;
    }
    if (!in_case_) return;
    if (name == "failure" || name == "error") {
      current_.status = "failed";
      if (current_.message.empty()) current_.message = FirstLine(Attribute(attributes, "message"));
      if (current_.message.empty()) current_.message = "<" + std::string(name) + ">";
    } else if (name == "skipped" && current_.status != "failed") {
      current_.status = "skipped";
      current_.message = FirstLine(Attribute(attributes, "message"));
    }
  }

  void End() {
    if (failed_) return;
    if (in_case_ && depth_ == case_depth_) {
      results_.push_back(std::move(current_));
      suite_of_.push_back(open_.empty() ? -1 : open_.back());
      current_ = {};
      in_case_ = false;
    }
    if (properties_of_ >= 0 && depth_ == properties_depth_) properties_of_ = -1;
    if (!suite_depths_.empty() && suite_depths_.back() == depth_) {
      suite_depths_.pop_back();
      open_.pop_back();
    }
    --depth_;
  }

  static void XMLCALL OnStart(void* data, const XML_Char* name, const XML_Char** attributes) {
    static_cast<JUnitParser*>(data)->Start(name, attributes);
  }
  static void XMLCALL OnEnd(void* data, const XML_Char* /*name*/) {
    static_cast<JUnitParser*>(data)->End();
  }
  static void XMLCALL OnDoctype(void* data, const XML_Char* /*name*/, const XML_Char* /*sysid*/,
                                const XML_Char* /*pubid*/, int /*has_internal_subset*/) {
    auto* self = static_cast<JUnitParser*>(data);
    self->Fail(self->Here(), "a DOCTYPE is not allowed in JUnit XML evidence");
  }
  static void XMLCALL OnEntity(void* data, const XML_Char* /*name*/, int /*parameter*/,
                               const XML_Char* /*value*/, int /*length*/, const XML_Char* /*base*/,
                               const XML_Char* /*system_id*/, const XML_Char* /*public_id*/,
                               const XML_Char* /*notation*/) {
    auto* self = static_cast<JUnitParser*>(data);
    self->Fail(self->Here(), "entity declarations are not allowed in JUnit XML evidence");
  }

  const std::string& file_;
  Evidence* evidence_;
  DiagnosticSink& sink_;
  XML_Parser parser_ = nullptr;
  bool failed_ = false;
  bool saw_root_ = false;
  int depth_ = 0;
  bool in_case_ = false;
  int case_depth_ = 0;
  TestResult current_;
  std::vector<TestResult> results_;
  std::vector<int> suite_of_;  ///< the suite of each result
  std::vector<Suite> suites_;
  std::vector<int> open_;  ///< indices into suites_ of the open suites, outermost first
  std::vector<int> suite_depths_;
  int properties_of_ = -1;  ///< the suite whose <properties> is open
  int properties_depth_ = 0;
};

}  // namespace

bool ParseJUnitXml(const std::string& file, std::string_view content, Evidence* evidence,
                   DiagnosticSink& sink) {
  if (content.size() > kMaxEvidenceBytes) {
    sink.Error({file, 0, 0}, "junit-xml", "evidence file larger than 64 MiB");
    return false;
  }
  JUnitParser parser(file, evidence, sink);
  return parser.Parse(content);
}

}  // namespace medtra::verify
