// The SDL report (trace::BuildSdlReport) rendered as text and JSON.
#pragma once

#include <string>

#include "medtra/trace/sdl.h"

namespace medtra::report {

/// Activities, coverage per practice and process, and gaps as aligned text for a reviewer.
std::string RenderSdlText(const trace::SdlReport& report);
/// {"format": "medtra-sdl", "activities": [...], "coverage": {...}, "gaps": [...]}
std::string RenderSdlJson(const trace::SdlReport& report);

}  // namespace medtra::report
