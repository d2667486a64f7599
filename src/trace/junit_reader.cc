// ParseJUnitXml: JUnit XML (CTest, GoogleTest and most runners) -> test results, with expat.
#include <expat.h>

#include <memory>
#include <string>
#include <vector>

#include "medtra/trace/evidence.h"

namespace medtra::trace {
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
    for (TestResult& result : results_) evidence_->tests.push_back(std::move(result));
    evidence_->files.push_back(file_);
    return true;
  }

 private:
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
      const char* timestamp = Attribute(attributes, "timestamp");
      dates_.push_back(timestamp != nullptr ? timestamp : (dates_.empty() ? "" : dates_.back()));
      suite_depths_.push_back(depth_);
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
      result.date = dates_.empty() ? "" : dates_.back();
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
      current_ = {};
      in_case_ = false;
    }
    if (!suite_depths_.empty() && suite_depths_.back() == depth_) {
      suite_depths_.pop_back();
      dates_.pop_back();
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
  std::vector<std::string> dates_;
  std::vector<int> suite_depths_;
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

}  // namespace medtra::trace
