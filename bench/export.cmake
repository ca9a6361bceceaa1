# export_bench: time and peak RSS of exporting 1,000,000 annotations per format (issue 6).
# Included from bench/CMakeLists.txt; run: export_bench [--annotations N] [--formats jsonld,csv] [--null]
qt_add_executable(export_bench "${CMAKE_CURRENT_LIST_DIR}/export_bench.cpp")
target_link_libraries(export_bench PRIVATE gloss_common gloss_core)
set_target_properties(export_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/bin")
