#pragma once

#include <QStringList>

#include <vector>

namespace Gloss::Core {

/// The schema as an ordered list of steps: step n (0-based) takes `PRAGMA user_version` from n to n + 1.
/// Each step's statements run inside one transaction (Database::migrate). Never edit a released step;
/// append a new one.
const std::vector<QStringList> &migrations();

} // namespace Gloss::Core
