#include "logging.h"

Q_LOGGING_CATEGORY(lcReader, "gloss.ui.reader", QtWarningMsg)
Q_LOGGING_CATEGORY(lcWeb, "gloss.ui.web", QtWarningMsg)
Q_LOGGING_CATEGORY(lcUi, "gloss.ui", QtWarningMsg)
