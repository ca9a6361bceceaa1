# gloss_add_test(NAME SOURCES... [LIBS libs...] [GUI])
# Adds a Qt Test executable and registers it with CTest. The environment makes a bare `ctest` pass on a
# machine with no display, as root: offscreen platform, WebEngine sandbox off, software GL.
function(gloss_add_test name)
    cmake_parse_arguments(ARG "GUI" "" "SOURCES;LIBS" ${ARGN})
    qt_add_executable(${name} ${ARG_SOURCES} ${ARG_UNPARSED_ARGUMENTS})
    target_link_libraries(${name} PRIVATE gloss_common Qt6::Test ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE
        GLOSS_SHARED_DIR="${GLOSS_SHARED_DIR}"
        GLOSS_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data")
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/tests")
    add_test(NAME ${name} COMMAND ${name})
    set(env
        "QT_QPA_PLATFORM=offscreen"
        "QTWEBENGINE_DISABLE_SANDBOX=1"
        "QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu --no-sandbox --disable-background-networking --disable-component-update"
        "QT_LOGGING_RULES=qt.webenginecontext.debug=false"
        "LC_ALL=C.UTF-8")
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" TIMEOUT 300)
    if(ARG_GUI)
        set_tests_properties(${name} PROPERTIES LABELS gui)
    endif()
endfunction()
