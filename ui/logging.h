#pragma once

#include <QLoggingCategory>

// Logging categories of the ui library; each defaults to QtWarningMsg.
Q_DECLARE_LOGGING_CATEGORY(lcReader)
Q_DECLARE_LOGGING_CATEGORY(lcWeb)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
