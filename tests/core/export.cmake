# Exporters and importers (core/export). Fixtures: tests/data/export/ (regenerate with
# GLOSS_UPDATE_EXPORT_FIXTURES=1 and review the diff). tst_jsonldexport also runs the W3C checker on fresh exports
# (skipped when the script or python3-jsonschema is missing).
gloss_add_test(tst_jsonldexport SOURCES tst_jsonldexport.cpp exportfixture.h LIBS gloss_core)
gloss_add_test(tst_formatexport SOURCES tst_formatexport.cpp exportfixture.h LIBS gloss_core)
gloss_add_test(tst_exportimport SOURCES tst_exportimport.cpp exportfixture.h LIBS gloss_core)

# The W3C Web Annotation test suite's MUST assertions on the committed JSON-LD fixtures (issue 6's CI step;
# needs Debian's python3-jsonschema).
set(GLOSS_WEB_ANNOTATION_CHECKER "${GLOSS_SHARED_DIR}/tools/check_web_annotation.py")
if(EXISTS "${GLOSS_WEB_ANNOTATION_CHECKER}" AND EXISTS /usr/bin/python3)
    add_test(NAME check_web_annotation_fixtures
        COMMAND /usr/bin/python3 "${GLOSS_WEB_ANNOTATION_CHECKER}"
            "${PROJECT_SOURCE_DIR}/tests/data/export/fixture.jsonld"
            "${PROJECT_SOURCE_DIR}/tests/data/export/fixture-paged.jsonld"
            "${PROJECT_SOURCE_DIR}/tests/data/export/fixture.jsonld-lines.jsonl")
    set_tests_properties(check_web_annotation_fixtures PROPERTIES PASS_REGULAR_EXPRESSION " 0 failed")
endif()
