#include "annotationpanel.h"

#include "annotationeditor.h"
#include "ui/plural.h"
#include "ui/reader/highlightstyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace Gloss::Ui {

namespace {
QIcon swatch(const QColor &colour)
{
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    QColor c = colour;
    c.setAlpha(std::min(255, c.alpha() * 2 + 60));
    p.setBrush(c);
    p.setPen(Qt::NoPen);
    p.drawRoundedRect(QRectF(0, 0, 12, 12), 3, 3);
    return QIcon(pm);
}

QString shortQuote(const QString &quote)
{
    QString q = quote.simplified();
    if (q.size() > 120)
        q = q.left(117) + QStringLiteral("…");
    return q;
}
} // namespace

AnnotationPanel::AnnotationPanel(QWidget *parent)
    : QWidget(parent)
    , m_kind(new QComboBox(this))
    , m_label(new QComboBox(this))
    , m_creator(new QComboBox(this))
    , m_entity(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_orphaned(new QCheckBox(tr("&Orphaned only"), this))
    , m_grouped(new QCheckBox(tr("&Group by entity"), this))
    , m_model(new QStandardItemModel(this))
    , m_view(new QTreeView(this))
    , m_summary(new QLabel(this))
    , m_editor(new AnnotationEditor(this))
{
    setAccessibleName(tr("Annotations panel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *title = new QLabel(tr("Annotations"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);

    m_kind->addItem(tr("All kinds"), QString());
    m_kind->addItem(tr("Claims"), QStringLiteral("claim"));
    m_kind->addItem(tr("Entities"), QStringLiteral("entity"));
    m_kind->addItem(tr("Notes"), QStringLiteral("note"));
    m_kind->addItem(tr("Highlights"), QStringLiteral("highlight"));
    m_kind->setAccessibleName(tr("Filter by kind"));
    m_label->setAccessibleName(tr("Filter by label"));
    m_label->addItem(tr("All labels"), QString()); // before any article too, as the other filters
    m_creator->setAccessibleName(tr("Filter by annotator"));
    m_creator->addItem(tr("All annotators"), QString());
    m_entity->setAccessibleName(tr("Filter by entity"));
    m_entity->addItem(tr("All entities"), QString());
    m_entity->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_entity->setMinimumContentsLength(10);
    m_text->setPlaceholderText(tr("Filter annotations"));
    m_text->setAccessibleName(tr("Filter annotations by text"));
    m_text->setClearButtonEnabled(true);
    m_orphaned->setAccessibleName(tr("Orphaned only"));
    m_grouped->setAccessibleName(tr("Group by entity"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_kind);
    row->addWidget(m_label);
    row->addWidget(m_creator);
    layout->addLayout(row);
    auto *textRow = new QHBoxLayout;
    textRow->addWidget(m_entity);
    textRow->addWidget(m_text, 1);
    layout->addLayout(textRow);
    auto *row2 = new QHBoxLayout;
    row2->addWidget(m_orphaned);
    row2->addWidget(m_grouped);
    row2->addStretch();
    layout->addLayout(row2);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    m_view->setModel(m_model);
    m_view->setHeaderHidden(true);
    m_view->setRootIsDecorated(false);
    m_view->setWordWrap(true);
    m_view->setUniformRowHeights(false);
    m_view->setAccessibleName(tr("Annotations"));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    split->addWidget(m_view);
    split->addWidget(m_editor);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    m_summary->setAccessibleName(tr("Annotation counts"));
    layout->addWidget(m_summary);

    setTabOrder(m_kind, m_label);
    setTabOrder(m_label, m_creator);
    setTabOrder(m_creator, m_entity);
    setTabOrder(m_entity, m_text);
    setTabOrder(m_text, m_orphaned);
    setTabOrder(m_orphaned, m_grouped);
    setTabOrder(m_grouped, m_view);
    setTabOrder(m_view, m_editor->noteEdit());

    auto changed = [this] {
        if (m_updatingWidgets)
            return;
        readFilterWidgets();
        rebuild();
    };
    connect(m_kind, &QComboBox::currentIndexChanged, this, changed);
    connect(m_label, &QComboBox::currentIndexChanged, this, changed);
    connect(m_creator, &QComboBox::currentIndexChanged, this, changed);
    connect(m_entity, &QComboBox::currentIndexChanged, this, changed);
    connect(m_text, &QLineEdit::textChanged, this, changed);
    connect(m_orphaned, &QCheckBox::toggled, this, changed);
    connect(m_grouped, &QCheckBox::toggled, this, changed);
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QString id = index.data(IdRole).toString();
        if (!id.isEmpty())
            Q_EMIT annotationActivated(id);
    });
    connect(m_view, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        const QString id = index.data(IdRole).toString();
        if (!id.isEmpty())
            Q_EMIT annotationActivated(id);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        showCurrent();
        Q_EMIT currentAnnotationChanged(currentAnnotationId());
    });
    connect(m_editor, &AnnotationEditor::saveRequested, this, &AnnotationPanel::saveRequested);
    connect(m_editor, &AnnotationEditor::reattachRequested, this, &AnnotationPanel::reattachRequested);
    rebuild();
}

void AnnotationPanel::setEntityColors(const EntityColors &colors)
{
    m_entityColors = colors;
    rebuild();
}

void AnnotationPanel::setAnnotations(const QList<Core::Annotation> &annotations)
{
    m_all = annotations;
    // Offer the labels present.
    {
        m_updatingWidgets = true;
        const QString current = m_label->currentData().toString();
        m_label->clear();
        m_label->addItem(tr("All labels"), QString());
        QStringList labels;
        for (const Core::Annotation &a : annotations)
            if (!labels.contains(a.label))
                labels << a.label;
        labels.sort();
        for (const QString &l : std::as_const(labels))
            m_label->addItem(l, l);
        m_label->setCurrentIndex(std::max(0, m_label->findData(current)));

        const QString creator = m_creator->currentData().toString();
        m_creator->clear();
        m_creator->addItem(tr("All annotators"), QString());
        QStringList creators;
        for (const Core::Annotation &a : annotations)
            if (!a.creator.isEmpty() && !creators.contains(a.creator))
                creators << a.creator;
        creators.sort(Qt::CaseInsensitive);
        for (const QString &c : std::as_const(creators))
            m_creator->addItem(c, c);
        m_creator->setCurrentIndex(std::max(0, m_creator->findData(creator)));

        // One item per entity mentioned: the first mention's quote and its label, "Serbia (GPE)".
        const QString entity = m_entity->currentData().toString();
        m_entity->clear();
        m_entity->addItem(tr("All entities"), QString());
        QList<std::pair<QString, QString>> entities; // (display, key)
        QStringList keys;
        for (const Core::Annotation &a : annotations) {
            if (a.kind != Core::AnnotationKind::Entity)
                continue;
            const QString key = entityGroupKey(a);
            if (keys.contains(key))
                continue;
            keys << key;
            entities.append({ tr("%1 (%2)").arg(a.quote.exact.simplified().left(40), a.label), key });
        }
        std::sort(entities.begin(), entities.end(), [](const auto &x, const auto &y) {
            return x.first.compare(y.first, Qt::CaseInsensitive) < 0;
        });
        for (const auto &[display, key] : std::as_const(entities))
            m_entity->addItem(display, key);
        m_entity->setCurrentIndex(std::max(0, m_entity->findData(entity)));
        m_updatingWidgets = false;
    }
    readFilterWidgets();
    rebuild();
    int claims = 0, entities = 0, orphans = 0;
    for (const Core::Annotation &a : annotations) {
        claims += a.kind == Core::AnnotationKind::Claim;
        entities += a.kind == Core::AnnotationKind::Entity;
        orphans += a.status == Core::AnchorStatus::Orphaned;
    }
    QString summary = tr("%1, %2")
                          .arg(countText(claims, tr("%n claim"), tr("%n claims")),
                              countText(entities, tr("%n entity mention"), tr("%n entity mentions")));
    if (orphans)
        summary += tr(", %1 orphaned").arg(orphans);
    m_summary->setText(summary);
}

void AnnotationPanel::readFilterWidgets()
{
    AnnotationFilter f;
    if (const QString k = m_kind->currentData().toString(); !k.isEmpty())
        f.kind = Core::annotationKindFromString(k);
    f.label = m_label->currentData().toString();
    f.creator = m_creator->currentData().toString();
    f.entity = m_entity->currentData().toString();
    f.text = m_text->text();
    f.orphanedOnly = m_orphaned->isChecked();
    m_filter = f;
}

void AnnotationPanel::setFilter(const AnnotationFilter &filter)
{
    m_updatingWidgets = true;
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(filter.kind ? Core::toString(*filter.kind) : QString())));
    m_label->setCurrentIndex(std::max(0, m_label->findData(filter.label)));
    if (!filter.creator.isEmpty() && m_creator->findData(filter.creator) < 0)
        m_creator->addItem(filter.creator, filter.creator);
    m_creator->setCurrentIndex(std::max(0, m_creator->findData(filter.creator)));
    m_entity->setCurrentIndex(std::max(0, m_entity->findData(filter.entity)));
    m_text->setText(filter.text);
    m_orphaned->setChecked(filter.orphanedOnly);
    m_updatingWidgets = false;
    m_filter = filter;
    rebuild();
}

void AnnotationPanel::setGroupedByEntity(bool grouped)
{
    m_grouped->setChecked(grouped);
}

bool AnnotationPanel::isGroupedByEntity() const
{
    return m_grouped->isChecked();
}

QStandardItem *AnnotationPanel::itemFor(const Core::Annotation &a) const
{
    QString head = a.kind == Core::AnnotationKind::Entity ? a.label : Core::toString(a.kind).toUpper();
    if (a.status == Core::AnchorStatus::Orphaned)
        head += tr(" · orphaned");
    QString text = head + QStringLiteral("  ") + shortQuote(a.quote.exact);
    if (!a.note.isEmpty())
        text += QStringLiteral("\n— ") + a.note.simplified();
    auto *item = new QStandardItem(swatch(highlightColor(a, m_entityColors)), text);
    item->setData(a.id, IdRole);
    item->setToolTip(highlightTooltip(a));
    item->setData(QString(head + QStringLiteral(": ") + a.quote.exact), Qt::AccessibleTextRole);
    if (a.status == Core::AnchorStatus::Orphaned) {
        QFont f = item->font();
        f.setItalic(true);
        item->setFont(f);
    }
    return item;
}

void AnnotationPanel::rebuild()
{
    const QString current = currentAnnotationId();
    const QSignalBlocker blocker(m_view->selectionModel());
    m_model->clear();
    const QList<Core::Annotation> listed = m_filter.apply(m_all);
    m_listed = int(listed.size());
    const bool grouped = m_grouped->isChecked();
    m_view->setRootIsDecorated(grouped);
    if (!grouped) {
        for (const Core::Annotation &a : listed)
            m_model->appendRow(itemFor(a));
    } else {
        // Entity mentions grouped under one row per entity (first mention's order); other kinds stay flat.
        QHash<QString, QStandardItem *> groups;
        for (const Core::Annotation &a : listed) {
            if (a.kind != Core::AnnotationKind::Entity) {
                m_model->appendRow(itemFor(a));
                continue;
            }
            const QString key = entityGroupKey(a);
            QStandardItem *group = groups.value(key);
            if (!group) {
                group = new QStandardItem(swatch(highlightColor(a, m_entityColors)), QString());
                group->setData(a.id, IdRole);
                QFont f = group->font();
                f.setBold(true);
                group->setFont(f);
                groups.insert(key, group);
                m_model->appendRow(group);
            }
            group->appendRow(itemFor(a));
            const int n = group->rowCount();
            group->setText(QStringLiteral("%1 · %2 (%3)").arg(a.label, shortQuote(a.quote.exact)).arg(n));
            group->setData(group->text(), Qt::AccessibleTextRole);
        }
        m_view->expandAll();
    }
    if (!current.isEmpty()) {
        const QModelIndex index = indexOf(current);
        if (index.isValid())
            m_view->setCurrentIndex(index);
    }
    showCurrent();
}

QModelIndex AnnotationPanel::indexOf(const QString &id) const
{
    const QModelIndexList hits
        = m_model->match(m_model->index(0, 0), IdRole, id, 1, Qt::MatchExactly | Qt::MatchRecursive);
    // In grouped mode a group row carries its first mention's id too: prefer the leaf.
    for (const QModelIndex &i :
        m_model->match(m_model->index(0, 0), IdRole, id, -1, Qt::MatchExactly | Qt::MatchRecursive))
        if (!m_model->hasChildren(i))
            return i;
    return hits.value(0);
}

QString AnnotationPanel::currentAnnotationId() const
{
    return m_view->currentIndex().data(IdRole).toString();
}

void AnnotationPanel::setCurrentAnnotation(const QString &id)
{
    QModelIndex index = indexOf(id);
    if (!index.isValid() && !id.isEmpty()) {
        // Hidden by a filter: clear the filters so the user sees what was asked for.
        setFilter({});
        index = indexOf(id);
    }
    if (index.isValid()) {
        m_view->setCurrentIndex(index);
        m_view->scrollTo(index);
    }
}

int AnnotationPanel::count() const
{
    return m_listed;
}

void AnnotationPanel::showCurrent()
{
    const QString id = currentAnnotationId();
    for (const Core::Annotation &a : std::as_const(m_all)) {
        if (a.id == id) {
            m_editor->setAnnotation(a);
            return;
        }
    }
    m_editor->setAnnotation({});
}

void AnnotationPanel::setReadOnly(bool readOnly)
{
    m_editor->setReadOnly(readOnly);
}

} // namespace Gloss::Ui
