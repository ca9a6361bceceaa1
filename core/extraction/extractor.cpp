// PLACEHOLDER implementation to get the spine building; the extraction work replaces it.
#include "extractor.h"

#include <QStringList>

namespace Gloss::Core {

QString Extractor::version()
{
    return QStringLiteral("gloss-extract/0");
}

Result<Extraction> Extractor::extract(const QByteArray &bytes, const ExtractOptions &options)
{
    if (bytes.isEmpty())
        return fail(QStringLiteral("The file is empty."));
    Extraction e;
    e.contentType = QStringLiteral("text/plain");
    e.charset = QStringLiteral("utf-8");
    const QStringList paras = QString::fromUtf8(bytes).split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
    e.metadata.title = paras.value(0).trimmed();
    e.readerText = paras.mid(1).join(QStringLiteral("\n\n"));
    e.readerHtml = QStringLiteral("<p data-start=\"0\">") + e.readerText.toHtmlEscaped() + QStringLiteral("</p>");
    e.extractorVersion = version();
    Q_UNUSED(options);
    return e;
}

} // namespace Gloss::Core
