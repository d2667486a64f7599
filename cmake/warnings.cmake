# Warning flags: every target of the project is built with warnings as errors.
function(medtra_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror -Wshadow -Wnon-virtual-dtor
                                           -Wno-missing-field-initializers)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC 12 reports -Wrestrict false positives inside libstdc++'s string concatenation at -O2
    # (GCC bug 105329), and -Wstringop-overread ones inside libstdc++'s vector comparison at -O3
    # (a std::map keyed by bytes); both warnings stay on for clang.
    target_compile_options(${target} PRIVATE -Wno-restrict -Wno-stringop-overread)
  endif()
endfunction()
