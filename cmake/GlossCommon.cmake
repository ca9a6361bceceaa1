# Compiler settings shared by every Gloss target (linked PRIVATE), after qBittorrent's CommonConfig.cmake.
add_library(gloss_common INTERFACE)
target_compile_features(gloss_common INTERFACE cxx_std_23)
target_compile_definitions(gloss_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_KEYWORDS
    GLOSS_VERSION="${PROJECT_VERSION}")
target_compile_options(gloss_common INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
