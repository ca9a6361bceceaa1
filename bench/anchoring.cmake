# anchoring_bench (issue 4): time to re-anchor 10,000 annotations on a 100,000-word article after a 1% random
# edit, the share exact / moved / fuzzy / orphaned, and the count anchored onto wrong words (exit status 1 if
# any). Included from bench/CMakeLists.txt; run: anchoring_bench [--seed N] [--edit-rate F] [--verbose].
qt_add_executable(anchoring_bench "${CMAKE_CURRENT_LIST_DIR}/anchoring_bench.cpp")
target_link_libraries(anchoring_bench PRIVATE gloss_common gloss_core)
set_target_properties(anchoring_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/bin")
