#include "rewritemodel.h"

#include "autoreplymodel.h"
#include "tones.h"

#include <QComboBox>
#include <QFont>
#include <QGuiApplication>
#include <QLineEdit>
#include <QPalette>
#include <QSpinBox>

#include <algorithm>

namespace sockscope {

namespace {

using Direction = RewriteRule::Direction;
using Action = RewriteRule::Action;
using Format = AutoReplyRule::Format;
using MatchKind = AutoReplyModel::MatchKind;

const QList<Direction> kDirections{Direction::ClientToServer, Direction::ServerToClient,
                                   Direction::Both};
const QList<Action> kActions{Action::Replace, Action::Drop, Action::Delay};

// A cell shows one line: control characters become their visible Control Pictures.
QString oneLine(QString text)
{
    for (QChar &c : text) {
        if (c.unicode() < 0x20)
            c = QChar(0x2400 + c.unicode());
        else if (c.unicode() == 0x7F)
            c = QChar(0x2421);
    }
    return text;
}

QColor dimmed()
{
    return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
}

} // namespace

QString RewriteModel::directionName(Direction direction)
{
    switch (direction) {
    case Direction::ClientToServer:
        return tr("C→S");
    case Direction::ServerToClient:
        return tr("S→C");
    case Direction::Both:
        return tr("Both");
    }
    return {};
}

QString RewriteModel::actionName(Action action)
{
    switch (action) {
    case Action::Replace:
        return tr("Replace");
    case Action::Drop:
        return tr("Drop");
    case Action::Delay:
        return tr("Delay");
    }
    return {};
}

QString RewriteModel::actionToolTip(Action action)
{
    switch (action) {
    case Action::Replace:
        return tr("Pass on the replacement instead of the frame (its delimiter kept), after the "
                  "delay if one is set.");
    case Action::Drop:
        return tr("Do not pass the frame on.");
    case Action::Delay:
        return tr("Pass the frame on unchanged after the delay; what follows waits behind it.");
    }
    return {};
}

RewriteModel::RewriteModel(QObject *parent) : QAbstractTableModel(parent) {}

RewriteModel::~RewriteModel() = default;

void RewriteModel::setRules(const QList<RewriteRule> &rules)
{
    beginResetModel();
    m_rules = rules;
    m_issues.clear();
    m_issues.resize(m_rules.size());
    for (int row = 0; row < m_rules.size(); ++row)
        check(row);
    endResetModel();
    emit rulesChanged();
}

void RewriteModel::setEncoding(Encoding encoding)
{
    if (encoding == m_encoding)
        return;
    m_encoding = encoding;
    for (int row = 0; row < m_rules.size(); ++row)
        check(row);
    if (!m_rules.isEmpty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        emit headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
    }
    emit rulesChanged();
}

int RewriteModel::insertRule(int row, const RewriteRule &rule)
{
    row = qBound(0, row, int(m_rules.size()));
    beginInsertRows(QModelIndex(), row, row);
    m_rules.insert(row, rule);
    m_issues.insert(row, std::nullopt);
    check(row);
    endInsertRows();
    emit rulesChanged();
    return row;
}

bool RewriteModel::moveRule(int from, int to)
{
    const int size = int(m_rules.size());
    if (from == to || from < 0 || to < 0 || from >= size || to >= size)
        return false;
    if (!beginMoveRows(QModelIndex(), from, from, QModelIndex(), to > from ? to + 1 : to))
        return false;
    m_rules.move(from, to);
    m_issues.move(from, to);
    endMoveRows();
    // Row numbers appear in unnamed rules' names and in issues.
    emit dataChanged(index(0, 0), index(size - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Vertical, 0, size - 1);
    emit rulesChanged();
    return true;
}

void RewriteModel::check(int row)
{
    m_issues[row] = RewriteRules::checkRule(m_rules.at(row), m_encoding);
}

bool RewriteModel::usesReplacement(int row) const
{
    return m_rules.at(row).action == Action::Replace;
}

bool RewriteModel::usesDelay(int row) const
{
    return m_rules.at(row).action != Action::Drop;
}

std::optional<AutoReplyIssue> RewriteModel::issue(int row) const
{
    if (row < 0 || row >= m_issues.size() || !m_issues.at(row))
        return std::nullopt;
    AutoReplyIssue i = *m_issues.at(row);
    i.ruleIndex = row;
    i.ruleName = m_rules.at(row).match.name;
    return i;
}

std::optional<AutoReplyIssue> RewriteModel::firstIssue() const
{
    for (int row = 0; row < m_issues.size(); ++row) {
        if (m_issues.at(row))
            return issue(row);
    }
    return std::nullopt;
}

int RewriteModel::columnOfField(const QString &field)
{
    if (field == QLatin1String("direction"))
        return DirectionColumn;
    if (field == QLatin1String("action"))
        return ActionColumn;
    if (field == QLatin1String("replacement") || field == QLatin1String("reply"))
        return ReplacementColumn;
    if (field == QLatin1String("replacementFormat") || field == QLatin1String("replyFormat"))
        return ReplacementFormatColumn;
    switch (AutoReplyModel::columnOfField(field)) {
    case AutoReplyModel::EnabledColumn:
        return EnabledColumn;
    case AutoReplyModel::NameColumn:
        return NameColumn;
    case AutoReplyModel::MatchColumn:
        return MatchColumn;
    case AutoReplyModel::PatternColumn:
        return PatternColumn;
    case AutoReplyModel::DelayColumn:
        return DelayColumn;
    default:
        return -1;
    }
}

int RewriteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int RewriteModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RewriteModel::cellValue(int row, int column, bool edit) const
{
    const RewriteRule &r = m_rules.at(row);
    switch (column) {
    case EnabledColumn:
        return {};
    case NameColumn:
        if (!edit && r.match.name.isEmpty())
            return tr("Rule %1").arg(row + 1);
        return edit ? r.match.name : oneLine(r.match.name);
    case DirectionColumn:
        return edit ? QVariant(int(r.direction)) : QVariant(directionName(r.direction));
    case MatchColumn: {
        const MatchKind kind = AutoReplyModel::matchKind(r.match);
        return edit ? QVariant(int(kind)) : QVariant(AutoReplyModel::matchKindName(kind));
    }
    case PatternColumn:
        return edit ? r.match.pattern : oneLine(r.match.pattern);
    case ActionColumn:
        return edit ? QVariant(int(r.action)) : QVariant(actionName(r.action));
    case ReplacementFormatColumn:
        if (!edit && !usesReplacement(row))
            return QString();
        return edit ? QVariant(int(r.match.replyFormat))
                    : QVariant(AutoReplyModel::formatName(r.match.replyFormat));
    case ReplacementColumn:
        if (!edit && !usesReplacement(row))
            return QString();
        return edit ? r.match.reply : oneLine(r.match.reply);
    case DelayColumn:
        if (!edit && !usesDelay(row))
            return QString();
        return r.match.delayMs;
    }
    return {};
}

QString RewriteModel::cellToolTip(int row, int column) const
{
    const RewriteRule &r = m_rules.at(row);
    switch (column) {
    case EnabledColumn:
        return r.match.enabled ? tr("Enabled: this rule changes matching frames.")
                               : tr("Disabled: this rule is skipped (but still checked).");
    case NameColumn:
        return tr("The log names the rule that changed a frame.");
    case DirectionColumn:
        return tr("Which frames the rule sees: from the client (C→S), from the server (S→C), "
                  "or both.");
    case MatchColumn:
        return AutoReplyModel::matchKindToolTip(AutoReplyModel::matchKind(r.match));
    case PatternColumn:
        return r.match.pattern.isEmpty() ? tr("What a frame must match.") : r.match.pattern;
    case ActionColumn:
        return actionToolTip(r.action);
    case ReplacementFormatColumn:
        return tr("Whether the replacement is written as text (with escapes) or as hex bytes.");
    case ReplacementColumn: {
        QString tip = tr("Passed on instead of the frame.");
        if (r.match.match == AutoReplyRule::Match::Regex)
            tip += QLatin1Char(' ') + tr("${1} or ${name} inserts a captured group.");
        return r.match.reply.isEmpty() ? tip : r.match.reply + QLatin1Char('\n') + tip;
    }
    case DelayColumn:
        return tr("Wait this long before passing the frame on (0 to %1 ms).")
            .arg(AutoReplyRules::MaxDelayMs);
    }
    return {};
}

QVariant RewriteModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const RewriteRule &r = m_rules.at(row);
    const auto &problem = m_issues.at(row);
    const bool badCell = problem && columnOfField(problem->field) == column;
    const QPalette palette = QGuiApplication::palette();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return cellValue(row, column, role == Qt::EditRole);
    case Qt::CheckStateRole:
        if (column == EnabledColumn)
            return r.match.enabled ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        return badCell ? issue(row)->toString() : cellToolTip(row, column);
    case Qt::BackgroundRole:
        return badCell ? QVariant(toneBackground(Tone::Error, palette)) : QVariant();
    case Qt::ForegroundRole:
        if (badCell)
            return toneColor(Tone::Error, palette);
        if (!r.match.enabled || (column == NameColumn && r.match.name.isEmpty()))
            return dimmed();
        return {};
    case Qt::FontRole:
        if (column == NameColumn && r.match.name.isEmpty()) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == DelayColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IssueRole:
        return problem ? issue(row)->toString() : QString();
    }
    return {};
}

// One cell's edit on a copy of the rule; false for a value the column cannot take.
bool RewriteModel::setCell(RewriteRule *r, int column, const QVariant &value) const
{
    bool ok = true;
    const int n = value.toInt(&ok);
    switch (column) {
    case NameColumn:
        r->match.name = value.toString();
        return true;
    case PatternColumn:
        r->match.pattern = value.toString();
        return true;
    case ReplacementColumn:
        r->match.reply = value.toString();
        return true;
    case DirectionColumn:
        if (!ok || !kDirections.contains(Direction(n)))
            return false;
        r->direction = Direction(n);
        return true;
    case ActionColumn:
        if (!ok || !kActions.contains(Action(n)))
            return false;
        r->action = Action(n);
        return true;
    case MatchColumn:
        if (!ok || n < 0 || n >= AutoReplyModel::MatchKindCount)
            return false;
        AutoReplyModel::applyMatchKind(&r->match, MatchKind(n));
        return true;
    case ReplacementFormatColumn:
        if (!ok || (n != int(Format::Text) && n != int(Format::Hex)))
            return false;
        r->match.replyFormat = Format(n);
        return true;
    case DelayColumn:
        // Out-of-range values are stored and shown as invalid, like any other mistake.
        if (!ok)
            return false;
        r->match.delayMs = n;
        return true;
    }
    return false;
}

bool RewriteModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return false;
    const int row = index.row();
    RewriteRule r = m_rules.at(row);
    if (index.column() == EnabledColumn) {
        if (role != Qt::CheckStateRole)
            return false;
        r.match.enabled = value.toInt() == Qt::Checked;
    } else if (role != Qt::EditRole || !setCell(&r, index.column(), value)) {
        return false;
    }
    if (r == m_rules.at(row))
        return true;
    m_rules[row] = r;
    check(row);
    // Validity, tooltips and which cells apply change with any one cell.
    emit dataChanged(this->index(row, 0), this->index(row, ColumnCount - 1));
    emit headerDataChanged(Qt::Vertical, row, row);
    emit rulesChanged();
    return true;
}

Qt::ItemFlags RewriteModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    const Qt::ItemFlags base = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    switch (index.column()) {
    case EnabledColumn:
        return base | Qt::ItemIsUserCheckable;
    case ReplacementFormatColumn:
    case ReplacementColumn:
        return usesReplacement(index.row()) ? base | Qt::ItemIsEditable : base;
    case DelayColumn:
        return usesDelay(index.row()) ? base | Qt::ItemIsEditable : base;
    }
    return base | Qt::ItemIsEditable;
}

QVariant RewriteModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= m_rules.size())
            return {};
        const bool bad = m_issues.at(section).has_value();
        const QPalette palette = QGuiApplication::palette();
        switch (role) {
        case Qt::DisplayRole:
            return section + 1;
        case Qt::ToolTipRole:
            return bad ? issue(section)->toString() : tr("Rule %1").arg(section + 1);
        case Qt::ForegroundRole:
            return bad ? QVariant(toneColor(Tone::Error, palette)) : QVariant();
        case Qt::BackgroundRole:
            return bad ? QVariant(toneBackground(Tone::Error, palette)) : QVariant();
        }
        return {};
    }
    if (role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    switch (section) {
    case EnabledColumn:
        return tr("On");
    case NameColumn:
        return tr("Name");
    case DirectionColumn:
        return tr("Direction");
    case MatchColumn:
        return tr("Match type");
    case PatternColumn:
        return tr("Pattern");
    case ActionColumn:
        return tr("Action");
    case ReplacementFormatColumn:
        return tr("Replace as");
    case ReplacementColumn:
        return tr("Replacement");
    case DelayColumn:
        return tr("Delay ms");
    }
    return {};
}

bool RewriteModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_rules.size())
        return false;
    beginRemoveRows(QModelIndex(), row, row + count - 1);
    m_rules.remove(row, count);
    m_issues.remove(row, count);
    endRemoveRows();
    emit rulesChanged();
    return true;
}

// --- delegate ---------------------------------------------------------------

RewriteDelegate::RewriteDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QWidget *RewriteDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    auto *self = const_cast<RewriteDelegate *>(this);
    auto *combo = new QComboBox(parent);
    // A choice is the whole edit: commit it right away.
    connect(combo, &QComboBox::activated, self, [self, combo] {
        emit self->commitData(combo);
        emit self->closeEditor(combo);
    });
    switch (index.column()) {
    case RewriteModel::DirectionColumn:
        for (Direction d : kDirections)
            combo->addItem(RewriteModel::directionName(d), int(d));
        return combo;
    case RewriteModel::ActionColumn:
        for (Action a : kActions) {
            combo->addItem(RewriteModel::actionName(a), int(a));
            combo->setItemData(combo->count() - 1, RewriteModel::actionToolTip(a), Qt::ToolTipRole);
        }
        return combo;
    case RewriteModel::MatchColumn:
        for (int k = 0; k < AutoReplyModel::MatchKindCount; ++k) {
            combo->addItem(AutoReplyModel::matchKindName(MatchKind(k)), k);
            combo->setItemData(k, AutoReplyModel::matchKindToolTip(MatchKind(k)), Qt::ToolTipRole);
        }
        return combo;
    case RewriteModel::ReplacementFormatColumn:
        for (Format f : {Format::Text, Format::Hex})
            combo->addItem(AutoReplyModel::formatName(f), int(f));
        return combo;
    default:
        break;
    }
    delete combo;
    if (index.column() == RewriteModel::DelayColumn) {
        auto *spin = new QSpinBox(parent);
        spin->setRange(0, AutoReplyRules::MaxDelayMs);
        spin->setSuffix(RewriteModel::tr(" ms"));
        spin->setAccelerated(true);
        return spin;
    }
    if (index.column() == RewriteModel::EnabledColumn)
        return nullptr;
    auto *edit = new QLineEdit(parent);
    edit->setFrame(false);
    edit->setToolTip(index.data(Qt::ToolTipRole).toString());
    Q_UNUSED(option)
    return edit;
}

void RewriteDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QVariant value = index.data(Qt::EditRole);
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        combo->setCurrentIndex(combo->findData(value.toInt()));
    else if (auto *spin = qobject_cast<QSpinBox *>(editor))
        spin->setValue(value.toInt());
    else if (auto *edit = qobject_cast<QLineEdit *>(editor))
        edit->setText(value.toString());
}

void RewriteDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
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
    }
}

} // namespace sockscope
