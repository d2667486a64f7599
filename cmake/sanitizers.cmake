# ASan + UBSan for the whole build when MEDTRA_SANITIZE is on; with MEDTRA_FUZZ (clang) the code is
# also instrumented for libFuzzer, so one build serves the sanitized test suite and the fuzz targets
# (the coverage callbacks come with the sanitizer runtime; only the fuzz targets link libFuzzer).
set(MEDTRA_SANITIZER_FLAGS -fsanitize=address,undefined)
if(MEDTRA_FUZZ)
  set(MEDTRA_SANITIZER_FLAGS -fsanitize=fuzzer-no-link,address,undefined)
endif()
if(MEDTRA_SANITIZE OR MEDTRA_FUZZ)
  add_compile_options(${MEDTRA_SANITIZER_FLAGS} -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
