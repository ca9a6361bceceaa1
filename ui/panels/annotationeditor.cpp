#include "annotationeditor.h"

#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace Gloss::Ui {

AnnotationEditor::AnnotationEditor(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_quote(new QLabel(this))
    , m_note(new QPlainTextEdit(this))
    , m_attributes(new QPlainTextEdit(this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_reattach(new QPushButton(tr("Re-attach to &selection"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setAccessibleName(tr("Annotation"));
    m_quote->setWordWrap(true);
    m_quote->setTextFormat(Qt::PlainText);
    m_quote->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_quote->setAccessibleName(tr("Quote"));
    layout->addWidget(m_heading);
    layout->addWidget(m_quote);
    auto *form = new QFormLayout;
    auto *noteLabel = new QLabel(tr("&Note:"), this);
    noteLabel->setBuddy(m_note);
    m_note->setAccessibleName(tr("Note"));
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(90);
    auto *attrLabel = new QLabel(tr("A&ttributes:"), this);
    attrLabel->setBuddy(m_attributes);
    m_attributes->setAccessibleName(tr("Attributes"));
    m_attributes->setAccessibleDescription(tr("One attribute per line as key: value, e.g. verdict: false"));
    m_attributes->setTabChangesFocus(true);
    m_attributes->setMaximumHeight(70);
    form->addRow(noteLabel, m_note);
    form->addRow(attrLabel, m_attributes);
    layout->addLayout(form);
    auto *buttons = new QHBoxLayout;
    m_save->setAccessibleName(tr("Save annotation"));
    m_save->setToolTip(tr("Save the note and attributes (Ctrl+Return)"));
    m_reattach->setAccessibleName(tr("Re-attach to selection"));
    m_reattach->setToolTip(tr("Anchor this orphaned annotation on the text selected in the reader (R)"));
    buttons->addWidget(m_save);
    buttons->addWidget(m_reattach);
    buttons->addStretch();
    layout->addLayout(buttons);
    setTabOrder(m_note, m_attributes);
    setTabOrder(m_attributes, m_save);
    setTabOrder(m_save, m_reattach);

    connect(m_save, &QPushButton::clicked, this, [this] {
        if (!m_readOnly)
            Q_EMIT saveRequested(edited());
    });
    connect(m_reattach, &QPushButton::clicked, this, [this] {
        if (!m_readOnly)
            Q_EMIT reattachRequested(m_annotation.id);
    });
    auto *saveKey = new QShortcut(
        QKeySequence(Qt::CTRL | Qt::Key_Return), this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(saveKey, &QShortcut::activated, m_save, &QPushButton::click);
    setAnnotation({});
}

void AnnotationEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_note->setReadOnly(readOnly);
    m_attributes->setReadOnly(readOnly);
    m_save->setEnabled(!readOnly);
    m_reattach->setEnabled(!readOnly);
    const QString why = tr("The store is read-only: annotations cannot be changed.");
    m_save->setToolTip(readOnly ? why : tr("Save the note and attributes (Ctrl+Return)"));
    m_reattach->setToolTip(
        readOnly ? why : tr("Anchor this orphaned annotation on the text selected in the reader (R)"));
    setAnnotation(m_annotation);
}

void AnnotationEditor::setAnnotation(const Core::Annotation &annotation)
{
    m_annotation = annotation;
    const bool any = !annotation.id.isEmpty();
    setEnabled(any);
    // The hints show only on an annotation being edited: on the empty, disabled editor a greyed example read as
    // if it were stored data.
    m_note->setPlaceholderText(any && !m_readOnly ? tr("A note on this annotation") : QString());
    m_attributes->setPlaceholderText(any && !m_readOnly ? attributesHint() : QString());
    if (!any) {
        m_heading->setText(tr("No annotation selected"));
        m_quote->clear();
        m_note->clear();
        m_attributes->clear();
        m_reattach->setVisible(false);
        return;
    }
    QString heading
        = annotation.kind == Core::AnnotationKind::Entity ? annotation.label : Core::toString(annotation.kind);
    if (!annotation.kbId.isEmpty())
        heading += QStringLiteral(" · ") + annotation.kbId;
    if (annotation.status != Core::AnchorStatus::Exact)
        heading += QStringLiteral(" (%1)").arg(Core::toString(annotation.status));
    if (!annotation.creator.isEmpty())
        heading += QStringLiteral(" — ") + annotation.creator;
    m_heading->setText(heading);
    m_quote->setText(QStringLiteral("“%1”").arg(annotation.quote.exact));
    if (m_note->toPlainText() != annotation.note)
        m_note->setPlainText(annotation.note);
    m_attributes->setPlainText(attributesToText(annotation.attributes));
    m_reattach->setVisible(annotation.status == Core::AnchorStatus::Orphaned);
}

Core::Annotation AnnotationEditor::edited() const
{
    Core::Annotation a = m_annotation;
    a.note = m_note->toPlainText().trimmed();
    a.attributes = attributesFromText(m_attributes->toPlainText());
    return a;
}

void AnnotationEditor::focusNote()
{
    m_note->setFocus(Qt::ShortcutFocusReason);
    m_note->moveCursor(QTextCursor::End);
}

QString AnnotationEditor::attributesHint()
{
    return tr("Attributes, one per line as name: value");
}

QString AnnotationEditor::attributesToText(const QJsonObject &attributes)
{
    QStringList lines;
    for (auto it = attributes.constBegin(); it != attributes.constEnd(); ++it) {
        const QJsonValue v = it.value();
        QString text = v.isString()
            ? v.toString()
            : QString::fromUtf8(QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
        lines << it.key() + QStringLiteral(": ") + text;
    }
    return lines.join(QLatin1Char('\n'));
}

QJsonObject AnnotationEditor::attributesFromText(const QString &text)
{
    QJsonObject o;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            continue;
        const QString key = line.left(colon).trimmed();
        const QString raw = line.mid(colon + 1).trimmed();
        if (key.isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + raw.toUtf8() + QByteArray("]"));
        if (doc.isArray() && doc.array().size() == 1 && !raw.isEmpty())
            o.insert(key, doc.array().first());
        else
            o.insert(key, raw);
    }
    return o;
}

} // namespace Gloss::Ui
