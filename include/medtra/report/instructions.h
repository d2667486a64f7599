// The instructions for secure use: user measures and the FDA labeling items, as a document.
#pragma once

#include <string>

#include "medtra/model/system_model.h"

namespace medtra::report {

/// A standalone Markdown document: the user measures (with the risks they treat) and every FDA
/// labeling item (section VI.A) with its text, the user measures it carries, or why it does not
/// apply; items the model does not address are listed as open.
std::string RenderInstructionsMarkdown(const model::SystemModel& model);

/// The same document as a standalone HTML page, every text escaped.
std::string RenderInstructionsHtml(const model::SystemModel& model);

}  // namespace medtra::report
