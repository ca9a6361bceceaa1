#include "settings.h"

#include <QSettings>

namespace Gloss::Ui {

namespace {
const QString keyAnnotator = QStringLiteral("annotation/annotator");
const QString keySchema = QStringLiteral("annotation/defaultSchema");
const QString keyTheme = QStringLiteral("reader/theme");
const QString keyFamily = QStringLiteral("reader/fontFamily");
const QString keySize = QStringLiteral("reader/fontSize");
const QString keyMeasure = QStringLiteral("reader/measure");
const QString keyLineHeight = QStringLiteral("reader/lineHeight");
const QString keyRemote = QStringLiteral("original/remoteContentDefault");
const QString keyDatabase = QStringLiteral("storage/databasePath");
const QString keyGeometry = QStringLiteral("window/geometry");
const QString keySplitter = QStringLiteral("window/splitter");
const QString keyLastArticle = QStringLiteral("window/lastArticle");
} // namespace

Typography Typography::clamped() const
{
    Typography t = *this;
    if (t.family != u"serif" && t.family != u"sans")
        t.family = QStringLiteral("serif");
    t.fontSize = std::clamp(t.fontSize, 12, 32);
    t.measure = std::clamp(t.measure, 24.0, 60.0);
    t.lineHeight = std::clamp(t.lineHeight, 1.2, 2.2);
    return t;
}

QStringList Settings::themes()
{
    return { QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("sepia"), QStringLiteral("dark") };
}

Settings::Settings(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>())
{ }

Settings::Settings(const QString &iniPath, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{ }

Settings::~Settings() = default;

QVariant Settings::value(const QString &key, const QVariant &fallback) const
{
    return m_settings->value(key, fallback);
}

void Settings::setValue(const QString &key, const QVariant &value, bool notify)
{
    if (m_settings->value(key) == value)
        return;
    m_settings->setValue(key, value);
    if (notify)
        Q_EMIT changed(key);
}

QString Settings::annotatorName() const
{
    return value(keyAnnotator, QString()).toString();
}

void Settings::setAnnotatorName(const QString &name)
{
    setValue(keyAnnotator, name.trimmed());
}

QString Settings::defaultLabelSchema() const
{
    return value(keySchema, QStringLiteral("gloss-default")).toString();
}

void Settings::setDefaultLabelSchema(const QString &schema)
{
    setValue(keySchema, schema);
}

QString Settings::theme() const
{
    const QString t = value(keyTheme, QStringLiteral("system")).toString();
    return themes().contains(t) ? t : QStringLiteral("system");
}

void Settings::setTheme(const QString &theme)
{
    if (themes().contains(theme))
        setValue(keyTheme, theme);
}

Typography Settings::typography() const
{
    Typography t;
    t.family = value(keyFamily, t.family).toString();
    t.fontSize = value(keySize, t.fontSize).toInt();
    t.measure = value(keyMeasure, t.measure).toDouble();
    t.lineHeight = value(keyLineHeight, t.lineHeight).toDouble();
    return t.clamped();
}

void Settings::setTypography(const Typography &typography)
{
    const Typography t = typography.clamped();
    if (t == this->typography())
        return;
    setValue(keyFamily, t.family, false);
    setValue(keySize, t.fontSize, false);
    setValue(keyMeasure, t.measure, false);
    setValue(keyLineHeight, t.lineHeight, false);
    Q_EMIT changed(QStringLiteral("reader/typography"));
}

bool Settings::remoteContentDefault() const
{
    return value(keyRemote, false).toBool();
}

void Settings::setRemoteContentDefault(bool allowed)
{
    setValue(keyRemote, allowed);
}

QString Settings::databasePath() const
{
    return value(keyDatabase, QString()).toString();
}

void Settings::setDatabasePath(const QString &path)
{
    setValue(keyDatabase, path);
}

QByteArray Settings::windowGeometry() const
{
    return value(keyGeometry, QByteArray()).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    setValue(keyGeometry, geometry, false);
}

QByteArray Settings::splitterState() const
{
    return value(keySplitter, QByteArray()).toByteArray();
}

void Settings::setSplitterState(const QByteArray &state)
{
    setValue(keySplitter, state, false);
}

qint64 Settings::lastArticle() const
{
    return value(keyLastArticle, 0).toLongLong();
}

void Settings::setLastArticle(qint64 id)
{
    setValue(keyLastArticle, id, false);
}

bool Settings::remoteContentAllowed(qint64 articleId) const
{
    return value(QStringLiteral("remoteContent/%1").arg(articleId), remoteContentDefault()).toBool();
}

void Settings::setRemoteContentAllowed(qint64 articleId, bool allowed)
{
    setValue(QStringLiteral("remoteContent/%1").arg(articleId), allowed, false);
}

void Settings::sync()
{
    m_settings->sync();
}

} // namespace Gloss::Ui
