#pragma once

// Shared by the GUI tests: runs JavaScript in a WebEngine view of Gloss's and waits for the answer.

#include <QString>
#include <QTest>
#include <QVariant>

namespace GlossTest {

/// Runs `script` in `view` (ReaderView: the page's main world; OriginalView: Gloss's isolated world) and waits
/// up to `timeoutMs` milliseconds for its result, processing events meanwhile. The string "<timeout>" when no
/// answer came.
template<typename View>
QVariant evaluate(View *view, const QString &script, int timeoutMs = 10000)
{
    QVariant out;
    bool done = false;
    view->runScript(script, [&](const QVariant &v) {
        out = v;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs))
        return QStringLiteral("<timeout>");
    return out;
}

} // namespace GlossTest
