#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <memory>

class QSettings;

namespace Gloss::Ui {

/// Reader typography: the body font family ("serif" or "sans"), the font size in CSS pixels, the measure
/// (maximum line width) in em and the unitless line height. Values are clamped to the ranges below.
struct Typography
{
    QString family = QStringLiteral("serif");
    int fontSize = 19; ///< CSS px, 12..32
    double measure = 38.0; ///< em, 24..60
    double lineHeight = 1.6; ///< 1.2..2.2

    bool operator==(const Typography &) const = default;
    /// The same values clamped to their ranges, with an unknown family replaced by "serif".
    Typography clamped() const;
};

/// Gloss's preferences and remembered window state, one typed getter/setter per value over QSettings
/// (Zeal's core/settings.cpp is the model). Widgets never touch QSettings; they use this class and listen
/// to changed(). The QSettings store is the application's default (organisation "Gloss", application
/// "Gloss"), or an INI file when constructed with a path (tests).
class Settings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Settings)
public:
    /// Theme names: "light", "sepia", "dark", or "system" (light or dark after the desktop's palette).
    static QStringList themes();

    explicit Settings(QObject *parent = nullptr);
    /// Settings kept in the INI file `path` (for tests and portable setups).
    explicit Settings(const QString &iniPath, QObject *parent = nullptr);
    ~Settings() override;

    QString annotatorName() const;
    void setAnnotatorName(const QString &name);
    /// The id of the label schema whose entity types and keys the annotation actions offer ("gloss-default"
    /// when unset; see resolveLabelSchema() in ui/labelschemas.h). Reading positions are not settings: they
    /// are kept in the store (ReadingPositions).
    QString defaultLabelSchema() const;
    void setDefaultLabelSchema(const QString &schema);
    /// "system" (default), "light", "sepia" or "dark".
    QString theme() const;
    void setTheme(const QString &theme);
    Typography typography() const;
    void setTypography(const Typography &typography);
    /// Whether stored originals may load remote content by default (off).
    bool remoteContentDefault() const;
    void setRemoteContentDefault(bool allowed);
    /// The database file chosen in Preferences; empty for the default location. Takes effect at next start.
    QString databasePath() const;
    void setDatabasePath(const QString &path);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);
    qint64 lastArticle() const;
    void setLastArticle(qint64 id);
    /// Whether the original of article `articleId` may load remote content; remoteContentDefault() if unset.
    bool remoteContentAllowed(qint64 articleId) const;
    void setRemoteContentAllowed(qint64 articleId, bool allowed);

    /// Writes pending changes to the store now.
    void sync();

Q_SIGNALS:
    /// A preference changed; `key` is the QSettings key ("reader/theme", "reader/typography", ...).
    void changed(const QString &key);

private:
    QVariant value(const QString &key, const QVariant &fallback) const;
    void setValue(const QString &key, const QVariant &value, bool notify = true);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace Gloss::Ui
