#include "entityregistry.h"

#include "core/commands/commandgroup.h"
#include "core/commands/entitycommands.h"
#include "core/models/entitylistmodel.h"
#include "core/storage/entityrepository.h"
#include "ui/articlesession.h"
#include "ui/plural.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Gloss::Ui {

namespace {
enum MentionRole { ArticleRole = Qt::UserRole + 1, AnnotationRole };
} // namespace

EntityRegistry::EntityRegistry(ArticleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new Core::EntityListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_view(new QTableView(this))
    , m_mentionsTitle(new QLabel(tr("Mentions"), this))
    , m_mentions(new QTreeWidget(this))
    , m_name(new QLineEdit(this))
    , m_type(new QComboBox(this))
    , m_kbId(new QLineEdit(this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_survivor(new QComboBox(this))
    , m_merge(new QPushButton(tr("&Merge"), this))
{
    setAccessibleName(tr("Entity registry"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto *top = new QHBoxLayout;
    m_filter->setPlaceholderText(tr("Filter entities by name, alias, type or KB id"));
    m_filter->setAccessibleName(tr("Filter entities"));
    m_filter->setClearButtonEnabled(true);
    m_summary->setAccessibleName(tr("Entity count"));
    top->addWidget(m_filter, 1);
    top->addWidget(m_summary);
    layout->addLayout(top);

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(Core::EntityListModel::SearchRole);
    m_proxy->setFilterKeyColumn(Core::EntityListModel::NameColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(Core::EntityListModel::SortRole);
    m_proxy->setDynamicSortFilter(true);
    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Entities"));
    m_view->setAccessibleDescription(
        tr("Every entity of the registry. Select two or more (Shift or Ctrl) to merge them."));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(Core::EntityListModel::NameColumn, Qt::AscendingOrder);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->setTabKeyNavigation(false);
    m_view->horizontalHeader()->setSectionResizeMode(Core::EntityListModel::NameColumn, QHeaderView::Stretch);
    for (int c : { Core::EntityListModel::TypeColumn, Core::EntityListModel::KbIdColumn,
             Core::EntityListModel::MentionsColumn, Core::EntityListModel::ArticlesColumn })
        m_view->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    QFont bold = m_mentionsTitle->font();
    bold.setBold(true);
    m_mentionsTitle->setFont(bold);
    sideLayout->addWidget(m_mentionsTitle);
    m_mentions->setColumnCount(2);
    m_mentions->setHeaderLabels({ tr("Article"), tr("Mention") });
    m_mentions->setRootIsDecorated(false);
    m_mentions->setAccessibleName(tr("Mentions of the entity"));
    m_mentions->setAccessibleDescription(tr("Every mention of the current entity, by article. Enter or a double "
                                            "click opens the article at the mention."));
    m_mentions->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_mentions->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    sideLayout->addWidget(m_mentions, 1);

    auto *edit = new QGroupBox(tr("Entity"), side);
    edit->setAccessibleName(tr("Edit entity"));
    auto *form = new QFormLayout(edit);
    m_name->setAccessibleName(tr("Entity name"));
    m_type->setAccessibleName(tr("Entity type"));
    m_kbId->setAccessibleName(tr("Knowledge-base id"));
    m_kbId->setPlaceholderText(tr("Wikidata id, e.g. Q7184"));
    m_save->setAccessibleName(tr("Save entity"));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("T&ype:"), m_type);
    form->addRow(tr("&KB id:"), m_kbId);
    form->addRow(QString(), m_save);
    sideLayout->addWidget(edit);

    auto *merge = new QGroupBox(tr("Merge selected entities"), side);
    merge->setAccessibleName(tr("Merge entities"));
    auto *mergeLayout = new QHBoxLayout(merge);
    auto *keep = new QLabel(tr("Kee&p:"), merge);
    keep->setBuddy(m_survivor);
    m_survivor->setAccessibleName(tr("Entity to keep"));
    m_survivor->setAccessibleDescription(tr("The entity that the other selected entities are merged into."));
    m_survivor->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_merge->setAccessibleName(tr("Merge the selected entities"));
    mergeLayout->addWidget(keep);
    mergeLayout->addWidget(m_survivor, 1);
    mergeLayout->addWidget(m_merge);
    sideLayout->addWidget(merge);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_view);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    setTabOrder(m_filter, m_view);
    setTabOrder(m_view, m_mentions);
    setTabOrder(m_mentions, m_name);
    setTabOrder(m_name, m_type);
    setTabOrder(m_type, m_kbId);
    setTabOrder(m_kbId, m_save);
    setTabOrder(m_save, m_survivor);
    setTabOrder(m_survivor, m_merge);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        updateSummary();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &EntityRegistry::showCurrent);
    connect(
        m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &EntityRegistry::updateMergeControls);
    connect(m_mentions, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item)
            Q_EMIT mentionActivated(item->data(0, ArticleRole).toLongLong(), item->data(0, AnnotationRole).toString());
    });
    auto save = [this] {
        if (m_readOnly)
            return;
        if (auto r = saveCurrent(); !r)
            Q_EMIT errorOccurred(r.error().message);
    };
    connect(m_save, &QPushButton::clicked, this, save);
    connect(m_name, &QLineEdit::returnPressed, this, save);
    connect(m_kbId, &QLineEdit::returnPressed, this, save);
    connect(m_merge, &QPushButton::clicked, this, [this] {
        if (m_readOnly)
            return;
        if (auto r = mergeSelected(); !r)
            Q_EMIT errorOccurred(r.error().message);
    });
    showCurrent();
    updateMergeControls();
    updateSummary();
}

void EntityRegistry::refresh()
{
    auto all = Core::EntityRepository(m_session->database()).all();
    if (!all) {
        Q_EMIT errorOccurred(all.error().message);
        return;
    }
    m_model->setEntities(*all);
    showCurrent();
    updateMergeControls();
    updateSummary();
}

void EntityRegistry::setEntityTypes(const QStringList &types, const QHash<QString, QString> &labels)
{
    m_types = types;
    m_typeLabels = labels;
    m_model->setTypeLabels(labels);
    showCurrent();
}

QStringList EntityRegistry::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows(Core::EntityListModel::NameColumn))
        ids << i.data(Core::EntityListModel::IdRole).toString();
    return ids;
}

QString EntityRegistry::currentId() const
{
    return m_view->currentIndex().data(Core::EntityListModel::IdRole).toString();
}

void EntityRegistry::selectEntities(const QStringList &ids)
{
    QItemSelection selection;
    QModelIndex first;
    for (const QString &id : ids) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        if (!index.isValid())
            continue;
        if (!first.isValid())
            first = index;
        selection.select(index, index.siblingAtColumn(Core::EntityListModel::ColumnCount - 1));
    }
    m_view->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (first.isValid())
        m_view->scrollTo(first);
    showCurrent();
}

void EntityRegistry::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    const QString why = tr("The store is read-only: entities cannot be edited or merged.");
    m_save->setToolTip(readOnly ? why : QString());
    m_merge->setToolTip(readOnly ? why : QString());
    showCurrent();
    updateMergeControls();
}

void EntityRegistry::showCurrent()
{
    const QString id = currentId();
    const int row = m_model->rowOf(id);
    m_mentions->clear();
    const bool has = row >= 0;
    for (QWidget *w : std::initializer_list<QWidget *> { m_name, m_kbId })
        w->setEnabled(has);
    m_name->setReadOnly(m_readOnly);
    m_kbId->setReadOnly(m_readOnly);
    m_type->setEnabled(has && !m_readOnly);
    m_save->setEnabled(has && !m_readOnly);
    m_type->clear();
    if (!has) {
        m_name->clear();
        m_kbId->clear();
        m_mentionsTitle->setText(tr("Mentions"));
        return;
    }
    const Core::EntityUsage &u = m_model->entities().at(row);
    m_name->setText(u.entity.name);
    m_kbId->setText(u.entity.kbId);
    QStringList types = m_types;
    if (!u.entity.type.isEmpty() && !types.contains(u.entity.type))
        types.prepend(u.entity.type);
    for (const QString &t : std::as_const(types))
        m_type->addItem(m_typeLabels.value(t, t) == t ? t : QStringLiteral("%1 — %2").arg(t, m_typeLabels.value(t)), t);
    m_type->setCurrentIndex(std::max(0, m_type->findData(u.entity.type)));
    m_mentionsTitle->setText(
        tr("Mentions of %1: %2 in %3")
            .arg(u.entity.name, countText(u.mentions, tr("%n mention"), tr("%n mentions")),
                countText(u.articles, tr("%n article"), tr("%n articles"))));
    auto mentions = Core::EntityRepository(m_session->database()).mentions(id);
    if (!mentions) {
        Q_EMIT errorOccurred(mentions.error().message);
        return;
    }
    for (const Core::EntityMention &m : std::as_const(*mentions)) {
        QString quote = m.quote.simplified();
        if (m.orphaned)
            quote += tr(" (orphaned)");
        auto *item = new QTreeWidgetItem(m_mentions, { m.articleTitle, quote });
        item->setData(0, ArticleRole, m.articleId);
        item->setData(0, AnnotationRole, m.annotationId);
        item->setToolTip(0, m.articleTitle);
        item->setToolTip(1, tr("%1 at %2").arg(m.label).arg(m.start));
    }
}

void EntityRegistry::updateMergeControls()
{
    const QStringList ids = selectedIds();
    const QString previous = m_survivor->currentData().toString();
    m_survivor->clear();
    if (ids.size() >= 2) {
        // Offer the selected entities, the one with the most mentions first (the usual survivor).
        QList<Core::EntityUsage> selected;
        for (const QString &id : ids)
            if (const int row = m_model->rowOf(id); row >= 0)
                selected << m_model->entities().at(row);
        std::stable_sort(selected.begin(), selected.end(),
            [](const Core::EntityUsage &a, const Core::EntityUsage &b) { return a.mentions > b.mentions; });
        for (const Core::EntityUsage &u : std::as_const(selected))
            m_survivor->addItem(tr("%1 (%2, %3)")
                                    .arg(u.entity.name, u.entity.type,
                                        countText(u.mentions, tr("%n mention"), tr("%n mentions"))),
                u.entity.id);
        if (const int i = m_survivor->findData(previous); i >= 0)
            m_survivor->setCurrentIndex(i);
    }
    m_survivor->setEnabled(ids.size() >= 2 && !m_readOnly);
    m_merge->setEnabled(ids.size() >= 2 && !m_readOnly);
    m_merge->setText(ids.size() >= 2 ? tr("&Merge %1").arg(ids.size()) : tr("&Merge"));
}

void EntityRegistry::updateSummary()
{
    const int all = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    if (shown == all)
        m_summary->setText(countText(all, tr("%n entity"), tr("%n entities")));
    else
        m_summary->setText(tr("%1 of %2").arg(shown).arg(countText(all, tr("%n entity"), tr("%n entities"))));
}

Core::Result<void> EntityRegistry::saveCurrent()
{
    const int row = m_model->rowOf(currentId());
    if (row < 0)
        return Core::fail(tr("Pick an entity first."));
    Core::Entity updated = m_model->entities().at(row).entity;
    const Core::Entity before = updated;
    updated.name = m_name->text().trimmed();
    updated.kbId = m_kbId->text().trimmed();
    if (const QString t = m_type->currentData().toString(); !t.isEmpty())
        updated.type = t;
    if (updated == before)
        return {};
    if (auto v = updated.validate(); !v)
        return v;
    if (auto r = m_session->execute(std::make_unique<Core::UpdateEntityCommand>(m_session->database(), updated)); !r)
        return r;
    refresh();
    Q_EMIT message(tr("Saved %1.").arg(updated.name), 4000);
    return {};
}

Core::Result<void> EntityRegistry::mergeSelected()
{
    const QStringList ids = selectedIds();
    if (ids.size() < 2)
        return Core::fail(tr("Select two or more entities to merge."));
    QString kept = m_survivor->currentData().toString();
    if (!ids.contains(kept))
        kept = ids.first();
    if (auto r = m_session->execute(Core::makeMergeEntitiesCommand(m_session->database(), kept, ids)); !r)
        return r;
    refresh();
    selectEntities({ kept });
    Q_EMIT message(tr("Merged %1 entities into one.").arg(ids.size()), 4000);
    return {};
}

} // namespace Gloss::Ui
