# Store benchmark (issue 5; built by default, not run by CTest):
#   storage_bench [--articles 100000] [--annotations 10] [--db PATH] [--reuse]
qt_add_executable(storage_bench "${CMAKE_CURRENT_LIST_DIR}/storage_bench.cpp")
target_link_libraries(storage_bench PRIVATE gloss_core gloss_common)
set_target_properties(storage_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/bin")
