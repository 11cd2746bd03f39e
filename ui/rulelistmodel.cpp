#include "rulelistmodel.h"

#include "tones.h"

#include "core/autoreply/rewriterules.h"

#include <QComboBox>
#include <QFont>
#include <QGuiApplication>
#include <QLineEdit>
#include <QPalette>
#include <QSpinBox>

#include <algorithm>

namespace sockscope {

QString RuleTableModel::oneLine(QString text)
{
    for (QChar &c : text) {
        if (c.unicode() < 0x20)
            c = QChar(0x2400 + c.unicode());
        else if (c.unicode() == 0x7F)
            c = QChar(0x2421);
    }
    return text;
}

template <typename Rule>
RuleListModel<Rule>::RuleListModel(int columns, int delayColumn, QObject *parent)
    : RuleTableModel(parent), m_columns(columns), m_delayColumn(delayColumn)
{}

template <typename Rule>
void RuleListModel<Rule>::setRules(const QList<Rule> &rules)
{
    beginResetModel();
    m_rules = rules;
    m_issues.clear();
    m_issues.resize(m_rules.size());
    rowsReset();
    for (int row = 0; row < m_rules.size(); ++row)
        check(row);
    endResetModel();
    emit rulesChanged();
}

template <typename Rule>
void RuleListModel<Rule>::setEncoding(Encoding encoding)
{
    if (encoding == m_encoding)
        return;
    m_encoding = encoding;
    for (int row = 0; row < m_rules.size(); ++row)
        check(row);
    if (!m_rules.isEmpty())
        emitAllChanged();
    emit rulesChanged();
}

template <typename Rule>
int RuleListModel<Rule>::insertRule(int row, const Rule &rule)
{
    row = qBound(0, row, int(m_rules.size()));
    beginInsertRows(QModelIndex(), row, row);
    m_rules.insert(row, rule);
    m_issues.insert(row, std::nullopt);
    rowInserted(row);
    check(row);
    endInsertRows();
    emit rulesChanged();
    return row;
}

template <typename Rule>
bool RuleListModel<Rule>::moveRule(int from, int to)
{
    if (from == to)
        return false;
    return moveRows(QModelIndex(), from, 1, QModelIndex(), to > from ? to + 1 : to);
}

template <typename Rule>
void RuleListModel<Rule>::check(int row)
{
    m_issues[row] = checkRule(m_rules.at(row));
}

template <typename Rule>
std::optional<AutoReplyIssue> RuleListModel<Rule>::issue(int row) const
{
    if (row < 0 || row >= m_issues.size() || !m_issues.at(row))
        return std::nullopt;
    AutoReplyIssue i = *m_issues.at(row);
    i.ruleIndex = row;
    i.ruleName = ruleName(m_rules.at(row));
    return i;
}

template <typename Rule>
std::optional<AutoReplyIssue> RuleListModel<Rule>::firstIssue() const
{
    for (int row = 0; row < m_issues.size(); ++row) {
        if (m_issues.at(row))
            return issue(row);
    }
    return std::nullopt;
}

template <typename Rule>
int RuleListModel<Rule>::invalidCount() const
{
    return int(std::count_if(m_issues.cbegin(), m_issues.cend(),
                             [](const auto &i) { return i.has_value(); }));
}

template <typename Rule>
int RuleListModel<Rule>::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

template <typename Rule>
int RuleListModel<Rule>::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

template <typename Rule>
bool RuleListModel<Rule>::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_rules.size())
        return false;
    beginRemoveRows(QModelIndex(), row, row + count - 1);
    m_rules.remove(row, count);
    m_issues.remove(row, count);
    rowsRemoved(row, count);
    endRemoveRows();
    emit rulesChanged();
    return true;
}

template <typename Rule>
bool RuleListModel<Rule>::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                                   const QModelIndex &destinationParent, int destinationChild)
{
    const int size = int(m_rules.size());
    if (sourceParent.isValid() || destinationParent.isValid() || count <= 0 || sourceRow < 0 ||
        sourceRow + count > size || destinationChild < 0 || destinationChild > size)
        return false;
    // Moving a block to its own position (or inside itself) changes nothing.
    if (destinationChild >= sourceRow && destinationChild <= sourceRow + count)
        return false;
    if (!beginMoveRows(QModelIndex(), sourceRow, sourceRow + count - 1, QModelIndex(),
                       destinationChild))
        return false;
    for (int i = 0; i < count; ++i) {
        const int from = destinationChild > sourceRow ? sourceRow : sourceRow + i;
        const int to = destinationChild > sourceRow ? destinationChild - 1 : destinationChild + i;
        m_rules.move(from, to);
        m_issues.move(from, to);
        rowMoved(from, to);
    }
    endMoveRows();
    // Row numbers appear in names ("Rule 3") and issues.
    emitAllChanged();
    emit rulesChanged();
    return true;
}

template <typename Rule>
void RuleListModel<Rule>::replaceRule(int row, const Rule &rule)
{
    m_rules[row] = rule;
    check(row);
    // Validity and tooltips of the whole row may change with any one cell.
    emit dataChanged(index(row, 0), index(row, m_columns - 1));
    emit headerDataChanged(Qt::Vertical, row, row);
    emit rulesChanged();
}

template <typename Rule>
void RuleListModel<Rule>::emitAllChanged()
{
    const int last = rowCount() - 1;
    emit dataChanged(index(0, 0), index(last, m_columns - 1));
    emit headerDataChanged(Qt::Vertical, 0, last);
}

template <typename Rule>
bool RuleListModel<Rule>::isCell(const QModelIndex &index) const
{
    return index.isValid() && checkIndex(index, CheckIndexOption::ParentIsInvalid);
}

template <typename Rule>
bool RuleListModel<Rule>::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!isCell(index))
        return false;
    const int row = index.row();
    Rule r = m_rules.at(row);
    if (index.column() == 0) {
        if (role != Qt::CheckStateRole)
            return false;
        setEnabled(&r, value.toInt() == Qt::Checked);
    } else if (role != Qt::EditRole || !setCell(&r, index.column(), value)) {
        return false;
    }
    if (r != m_rules.at(row))
        replaceRule(row, r);
    return true;
}

template <typename Rule>
QVariant RuleListModel<Rule>::data(const QModelIndex &index, int role) const
{
    if (!isCell(index))
        return {};
    const int row = index.row();
    const int column = index.column();
    if (const QVariant shared = sharedData(row, column, role); shared.isValid())
        return shared;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return cellValue(row, column, role == Qt::EditRole);
    case Qt::ToolTipRole:
        return cellToolTip(row, column);
    }
    return ownData(row, column, role);
}

template <typename Rule>
QVariant RuleListModel<Rule>::ownData(int row, int column, int role) const
{
    Q_UNUSED(row)
    Q_UNUSED(column)
    Q_UNUSED(role)
    return {};
}

template <typename Rule>
QVariant RuleListModel<Rule>::sharedData(int row, int column, int role) const
{
    const std::optional<AutoReplyIssue> &problem = m_issues.at(row);
    if (role == IssueRole)
        return problem ? issue(row)->toString() : QString();
    const bool enabled = isEnabled(m_rules.at(row));
    if (role == Qt::CheckStateRole && column == 0)
        return enabled ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::TextAlignmentRole && column == m_delayColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    const bool placeholder = isPlaceholder(row, column);
    if (role == Qt::FontRole && placeholder) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    const QPalette palette = QGuiApplication::palette();
    if (problem && fieldColumn(problem->field) == column) {
        switch (role) {
        case Qt::ToolTipRole:
            return issue(row)->toString();
        case Qt::BackgroundRole:
            return toneBackground(Tone::Error, palette);
        case Qt::ForegroundRole:
            return toneColor(Tone::Error, palette);
        }
    }
    if (role == Qt::ForegroundRole && (!enabled || placeholder))
        return palette.color(QPalette::Disabled, QPalette::Text);
    return {};
}

template <typename Rule>
QVariant RuleListModel<Rule>::rowHeaderData(int section, int role) const
{
    if (section < 0 || section >= m_rules.size())
        return {};
    const bool bad = m_issues.at(section).has_value();
    const QPalette palette = QGuiApplication::palette();
    switch (role) {
    case Qt::DisplayRole:
        return section + 1;
    case Qt::ToolTipRole:
        return bad ? issue(section)->toString() : rowName(section);
    case Qt::ForegroundRole:
        return bad ? QVariant(toneColor(Tone::Error, palette)) : QVariant();
    case Qt::BackgroundRole:
        return bad ? QVariant(toneBackground(Tone::Error, palette)) : QVariant();
    }
    return {};
}

template <typename Rule>
Qt::ItemFlags RuleListModel<Rule>::cellFlags(const QModelIndex &index, bool editable) const
{
    if (!isCell(index))
        return Qt::NoItemFlags;
    const Qt::ItemFlags base = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == 0)
        return base | Qt::ItemIsUserCheckable;
    return editable ? base | Qt::ItemIsEditable : base;
}

template class RuleListModel<AutoReplyRule>;
template class RuleListModel<RewriteRule>;

// --- delegate ---------------------------------------------------------------

QComboBox *RuleDelegate::makeCombo(QWidget *parent, const char *name) const
{
    auto *self = const_cast<RuleDelegate *>(this);
    auto *combo = new QComboBox(parent);
    if (name)
        combo->setObjectName(QLatin1String(name));
    // A choice is the whole edit: commit it right away.
    connect(combo, &QComboBox::activated, self, [self, combo] {
        emit self->commitData(combo);
        emit self->closeEditor(combo);
    });
    return combo;
}

QSpinBox *RuleDelegate::makeDelaySpin(QWidget *parent, const QString &suffix)
{
    auto *spin = new QSpinBox(parent);
    spin->setRange(0, AutoReplyRules::MaxDelayMs);
    spin->setSuffix(suffix);
    spin->setAccelerated(true);
    return spin;
}

QLineEdit *RuleDelegate::makeLineEdit(QWidget *parent, const QModelIndex &index)
{
    auto *edit = new QLineEdit(parent);
    edit->setFrame(false);
    edit->setToolTip(index.data(Qt::ToolTipRole).toString());
    return edit;
}

void RuleDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QVariant value = index.data(Qt::EditRole);
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        combo->setCurrentIndex(combo->findData(value.toInt()));
    else if (auto *spin = qobject_cast<QSpinBox *>(editor))
        spin->setValue(value.toInt());
    else if (auto *edit = qobject_cast<QLineEdit *>(editor))
        edit->setText(value.toString());
    else
        QStyledItemDelegate::setEditorData(editor, index);
}

void RuleDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        if (combo->currentIndex() >= 0)
            model->setData(index, combo->currentData(), Qt::EditRole);
    } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->interpretText();
        model->setData(index, spin->value(), Qt::EditRole);
    } else if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        model->setData(index, edit->text(), Qt::EditRole);
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
    }
}

} // namespace sockscope
