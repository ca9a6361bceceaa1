# Extraction tests (core/extraction, core/document/readerdocument).
gloss_add_test(tst_extractor SOURCES tst_extractor.cpp extractionfixture.h LIBS gloss_core PkgConfig::LIBXML2)
gloss_add_test(tst_decoding SOURCES tst_decoding.cpp extractionfixture.h LIBS gloss_core PkgConfig::LIBXML2)
gloss_add_test(tst_metadata SOURCES tst_metadata.cpp extractionfixture.h LIBS gloss_core PkgConfig::LIBXML2)
gloss_add_test(tst_htmlparse SOURCES tst_htmlparse.cpp LIBS gloss_core PkgConfig::LIBXML2)
gloss_add_test(tst_readerdocument SOURCES tst_readerdocument.cpp LIBS gloss_core PkgConfig::LIBXML2)
gloss_add_test(tst_textimporter SOURCES tst_textimporter.cpp LIBS gloss_core)
gloss_add_test(tst_htmlsanitizer SOURCES tst_htmlsanitizer.cpp LIBS gloss_core PkgConfig::LIBXML2)
