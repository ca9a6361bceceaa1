#include "annotationrepository.h"

#include "database.h"
#include "sqlhelpers.h"

#include <QJsonDocument>

namespace Gloss::Core {

using namespace Sql;

namespace {

const QString columns = QStringLiteral("id, article_id, version_id, kind, label, quote, prefix, suffix, start, \"end\", "
                                       "status, kb_id, entity_id, note, creator, attributes, created, modified");

Annotation fromQuery(const QSqlQuery &q)
{
    Annotation a;
    a.id = q.value(0).toString();
    a.articleId = q.value(1).toLongLong();
    a.versionId = q.value(2).toLongLong();
    a.kind = annotationKindFromString(q.value(3).toString()).value_or(AnnotationKind::Highlight);
    a.label = q.value(4).toString();
    a.quote.exact = q.value(5).toString();
    a.quote.prefix = q.value(6).toString();
    a.quote.suffix = q.value(7).toString();
    a.position.start = q.value(8).isNull() ? -1 : q.value(8).toLongLong();
    a.position.end = q.value(9).isNull() ? -1 : q.value(9).toLongLong();
    a.status = anchorStatusFromString(q.value(10).toString()).value_or(AnchorStatus::Exact);
    a.kbId = q.value(11).toString();
    a.entityId = q.value(12).toString();
    a.note = q.value(13).toString();
    a.creator = q.value(14).toString();
    a.attributes = QJsonDocument::fromJson(q.value(15).toByteArray()).object();
    a.created = timeFromText(q.value(16).toString());
    a.modified = timeFromText(q.value(17).toString());
    return a;
}

void bindFields(QSqlQuery &q, const Annotation &a)
{
    const bool anchored = a.status != AnchorStatus::Orphaned && a.position.isValid();
    q.addBindValue(a.articleId);
    q.addBindValue(a.versionId);
    q.addBindValue(toString(a.kind));
    q.addBindValue(text(a.label));
    q.addBindValue(text(a.quote.exact));
    q.addBindValue(text(a.quote.prefix));
    q.addBindValue(text(a.quote.suffix));
    q.addBindValue(anchored ? QVariant(a.position.start) : QVariant(QMetaType::fromType<qlonglong>()));
    q.addBindValue(anchored ? QVariant(a.position.end) : QVariant(QMetaType::fromType<qlonglong>()));
    q.addBindValue(toString(a.status));
    q.addBindValue(text(a.kbId));
    q.addBindValue(a.entityId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(a.entityId));
    q.addBindValue(text(a.note));
    q.addBindValue(text(a.creator));
    q.addBindValue(QString::fromUtf8(QJsonDocument(a.attributes).toJson(QJsonDocument::Compact)));
    q.addBindValue(timeToText(a.created));
    q.addBindValue(timeToText(a.modified));
}

} // namespace

AnnotationRepository::AnnotationRepository(Database &database)
    : m_database(database)
{
}

Result<void> AnnotationRepository::insert(const Annotation &annotation)
{
    return insertAll({annotation});
}

Result<void> AnnotationRepository::insertAll(const QList<Annotation> &annotations)
{
    return m_database.transaction([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("INSERT INTO annotations (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                 "?, ?, ?)")
                      .arg(columns));
        for (const Annotation &a : annotations) {
            q.addBindValue(a.id);
            bindFields(q, a);
            if (auto r = exec(q, QStringLiteral("Cannot save the annotation")); !r)
                return r;
        }
        return {};
    });
}

Result<void> AnnotationRepository::update(const Annotation &a)
{
    return m_database.transaction([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral(
            "UPDATE annotations SET article_id = ?, version_id = ?, kind = ?, label = ?, quote = ?, prefix = ?, "
            "suffix = ?, start = ?, \"end\" = ?, status = ?, kb_id = ?, entity_id = ?, note = ?, creator = ?, "
            "attributes = ?, created = ?, modified = ? WHERE id = ?"));
        bindFields(q, a);
        q.addBindValue(a.id);
        if (auto r = exec(q, QStringLiteral("Cannot save the annotation")); !r)
            return r;
        if (q.numRowsAffected() != 1)
            return fail(QStringLiteral("There is no annotation %1.").arg(a.id));
        return {};
    });
}

Result<void> AnnotationRepository::remove(const QString &id)
{
    return m_database.transaction([&]() -> Result<void> {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("DELETE FROM annotations WHERE id = ?"));
        q.addBindValue(id);
        if (auto r = exec(q, QStringLiteral("Cannot delete the annotation")); !r)
            return r;
        if (q.numRowsAffected() != 1)
            return fail(QStringLiteral("There is no annotation %1.").arg(id));
        return {};
    });
}

Result<Annotation> AnnotationRepository::annotation(const QString &id) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM annotations WHERE id = ?").arg(columns));
    q.addBindValue(id);
    if (auto r = exec(q, QStringLiteral("Cannot read the annotation")); !r)
        return std::unexpected(r.error());
    if (!q.next())
        return fail(QStringLiteral("There is no annotation %1.").arg(id));
    return fromQuery(q);
}

Result<QList<Annotation>> AnnotationRepository::forArticle(qint64 articleId) const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM annotations WHERE article_id = ? "
                             "ORDER BY start IS NULL, start, \"end\", created, id")
                  .arg(columns));
    q.addBindValue(articleId);
    if (auto r = exec(q, QStringLiteral("Cannot read the annotations")); !r)
        return std::unexpected(r.error());
    QList<Annotation> list;
    while (q.next())
        list.append(fromQuery(q));
    return list;
}

Result<qint64> AnnotationRepository::count() const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM annotations")) || !q.next())
        return std::unexpected(storageError(QStringLiteral("Cannot count annotations"), q.lastError().text()));
    return q.value(0).toLongLong();
}

} // namespace Gloss::Core
