#pragma once

#include <QObject>

namespace Gloss::Ui {

/// The only object the reader page sees (through QWebChannel, as `glossBridge`). Offsets it receives are
/// UTF-16 code units of the reader text (JavaScript string units); ReaderView converts them to code points.
class ReaderBridge final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReaderBridge)
public:
    explicit ReaderBridge(QObject *parent = nullptr)
        : QObject(parent)
    { }

    /// The page's selection changed: [start, end) in UTF-16 units, or -1/-1 when nothing is selected.
    Q_INVOKABLE void reportSelection(int start, int end) { Q_EMIT selectionReported(start, end); }
    /// A highlight was clicked.
    Q_INVOKABLE void reportClick(const QString &annotationId) { Q_EMIT clickReported(annotationId); }
    /// The page's script is connected; `marks` highlights were painted from the document's initial list.
    Q_INVOKABLE void reportReady(int marks) { Q_EMIT readyReported(marks); }
    /// The page was scrolled to `fraction` (0..1) of its scrollable height.
    Q_INVOKABLE void reportScroll(double fraction) { Q_EMIT scrollReported(fraction); }

Q_SIGNALS:
    void selectionReported(int start, int end);
    void clickReported(const QString &annotationId);
    void readyReported(int marks);
    void scrollReported(double fraction);
};

} // namespace Gloss::Ui
