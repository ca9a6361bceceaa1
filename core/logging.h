#pragma once

#include <QLoggingCategory>

// Logging categories of the core library; each defaults to QtWarningMsg (enable with QT_LOGGING_RULES).
Q_DECLARE_LOGGING_CATEGORY(lcExtraction)
Q_DECLARE_LOGGING_CATEGORY(lcAnchoring)
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcExport)
