gloss_add_test(tst_database SOURCES tst_database.cpp LIBS gloss_core)
gloss_add_test(tst_importannotate SOURCES tst_importannotate.cpp LIBS gloss_core)
