# ui_bench: opening an article with 2,000 annotations and painting its highlights (reader and original), and
# start-up to a usable window. Prints figures; not run by CTest. Run it with a display or offscreen:
#   QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 build/bench/ui_bench
qt_add_executable(ui_bench "${CMAKE_CURRENT_LIST_DIR}/ui_bench.cpp")
target_link_libraries(ui_bench PRIVATE gloss_ui gloss_common Qt6::Test)
set_target_properties(ui_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/bench")
