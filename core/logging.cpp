#include "logging.h"

Q_LOGGING_CATEGORY(lcExtraction, "gloss.core.extraction", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAnchoring, "gloss.core.anchoring", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStorage, "gloss.core.storage", QtWarningMsg)
Q_LOGGING_CATEGORY(lcExport, "gloss.core.export", QtWarningMsg)
