# Reader HTML re-parsed by Chromium (QtWebEngine): XSS vectors inert, data-start mapping exact.
gloss_add_test(tst_readerxss SOURCES tst_readerxss.cpp LIBS gloss_core Qt6::WebEngineWidgets GUI)
