// The version of medtra and of its file formats.
#pragma once

namespace medtra {

inline constexpr const char* kVersion = "0.1.0";
/// The model format version that `medtra: N` in a model file must name.
inline constexpr int kModelFormatVersion = 1;
/// The version of the report JSON ("format_version").
inline constexpr int kReportFormatVersion = 1;

}  // namespace medtra
