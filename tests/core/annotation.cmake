gloss_add_test(tst_labelschema SOURCES tst_labelschema.cpp LIBS gloss_core)
gloss_add_test(tst_entity SOURCES tst_entity.cpp LIBS gloss_core)
